package dev.vaylix.client;

/** No pooled connection became available within the pool's borrow timeout. Nothing was sent. */
public final class PoolTimeoutException extends RuntimeException {

    public PoolTimeoutException(String message) {
        super(message);
    }
}

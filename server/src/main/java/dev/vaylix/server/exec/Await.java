package dev.vaylix.server.exec;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for driver futures from a session's (virtual) thread, with failures as coded errors. */
final class Await {

    private Await() {
    }

    /**
     * The future's value.
     *
     * @throws VaylixException SRV-005 if it failed, or if the waiting thread was interrupted (the server is
     *                         stopping)
     */
    static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new VaylixException(ErrorCode.SRV_005, ErrorCode.SRV_005.message(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaylixException(ErrorCode.SRV_005, ErrorCode.SRV_005.message(), e);
        }
    }

    /**
     * The future's value within {@code timeoutMs}.
     *
     * @throws VaylixException SRV-005 as {@link #get(CompletableFuture)}, and on timeout
     */
    static <T> T get(CompletableFuture<T> future, long timeoutMs) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new VaylixException(ErrorCode.SRV_005, ErrorCode.SRV_005.message(), e.getCause());
        } catch (TimeoutException e) {
            throw new VaylixException(ErrorCode.SRV_005, ErrorCode.SRV_005.message(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaylixException(ErrorCode.SRV_005, ErrorCode.SRV_005.message(), e);
        }
    }
}

package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.net.SocketTimeoutException;

/** Maps I/O failures onto the catalogue and answers questions about them. */
public final class TransportErrors {

    private TransportErrors() {
    }

    /** {@code TRN-013 i/o error: <detail>} with {@code cause} attached. */
    public static VaylixException ioFailure(IOException cause) {
        String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new VaylixException(ErrorCode.TRN_013, ErrorCode.TRN_013.message(detail), cause);
    }

    /** {@code TRN-013 i/o error: <detail>} without a cause. */
    public static VaylixException ioFailure(String detail) {
        return ErrorCode.TRN_013.exception(detail);
    }

    /**
     * True if {@code e} is a read that gave up after the connection's read timeout (idle or hello timeout),
     * as opposed to a broken connection. Either way the connection must be closed: a timeout can strike in
     * the middle of a frame.
     */
    public static boolean isTimeout(VaylixException e) {
        return e.code() == ErrorCode.TRN_013 && e.getCause() instanceof SocketTimeoutException;
    }
}

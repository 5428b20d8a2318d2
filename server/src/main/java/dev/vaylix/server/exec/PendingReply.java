package dev.vaylix.server.exec;

import dev.vaylix.api.reply.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The reply to one request, possibly not known yet: a proposal waiting for its outcome, a read
 * waiting for its read index. The session's writer awaits it in request order.
 *
 * <p>{@link #await()} blocks (on a virtual thread, parking it) and never throws: every failure is an
 * error reply. It is called once, by one thread.
 */
public interface PendingReply {

    Reply await();

    /** True if {@link #await()} would not block (the writer flushes its output before it blocks). */
    default boolean isReady() {
        return true;
    }

    /** This reply, changed by {@code next} once known (e.g. to count a committed transaction). */
    default PendingReply then(UnaryOperator<Reply> next) {
        PendingReply self = this;
        return new PendingReply() {
            @Override
            public Reply await() {
                return next.apply(self.await());
            }

            @Override
            public boolean isReady() {
                return self.isReady();
            }
        };
    }

    /** A reply known now. */
    static PendingReply of(Reply reply) {
        return () -> reply;
    }

    /** A reply computed by {@code finish} once {@code future} is done. */
    static PendingReply after(CompletableFuture<?> future, Supplier<Reply> finish) {
        return new PendingReply() {
            @Override
            public Reply await() {
                return finish.get();
            }

            @Override
            public boolean isReady() {
                return future.isDone();
            }
        };
    }
}

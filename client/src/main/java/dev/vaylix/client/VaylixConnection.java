package dev.vaylix.client;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.ServerHello;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.session.ClientSession;
import dev.vaylix.transport.session.RequestIds;
import java.util.List;

/**
 * A blocking connection for one thread, the cheapest way to pipeline a batch: {@link #executeAll} writes the
 * whole batch with one flush and then reads the answers in order (bounded by the transport's pipeline window,
 * so any batch size is safe). No futures, no reader thread; the load generator and bulk loaders use it.
 * {@link VaylixClient} is the general-purpose, thread-safe client.
 *
 * <p>Replies are returned raw: an error reply is a {@link Reply.Error} value (use {@link Request#decode} for
 * typed results). Exceptions mean the request could not be completed:
 * <ul>
 *   <li>{@link dev.vaylix.api.VaylixException} — nothing that changes state may have been applied (nothing
 *       was sent, or only reads were);</li>
 *   <li>{@link OutcomeUnknownException} — a state-changing command of the batch was sent before the failure.</li>
 * </ul>
 * After any failure the connection is closed, except when the first request could not even be encoded (then
 * nothing was sent). A read that waits longer than {@link ClientConfig#requestTimeoutMs()} fails with
 * {@code TRN-013} (a timeout can strike mid-frame, so the connection cannot continue).
 *
 * <p>Not thread-safe.
 */
public final class VaylixConnection implements AutoCloseable {

    private final ClientSession session;
    private final SendTracker tracker;

    private VaylixConnection(ClientSession session, SendTracker tracker) {
        this.session = session;
        this.tracker = tracker;
    }

    /**
     * Connects, negotiates, and authenticates if credentials are configured.
     *
     * @throws dev.vaylix.api.VaylixException as {@link VaylixClient#connect}; the connection is closed on failure
     */
    public static VaylixConnection connect(ClientConfig config) {
        Connection connection = config.connector().connect();
        SendTracker tracker = new SendTracker(connection);
        ClientSession session = ClientSession.open(tracker, config.clientOptions(), RequestIds.uuidV7(config.clock()));
        VaylixConnection result = new VaylixConnection(session, tracker);
        try {
            tracker.readTimeoutMs(config.requestTimeoutMs());
            if (config.credentials().isPresent()) {
                Credentials credentials = config.credentials().get();
                Request<Void> auth = Requests.auth(credentials.username(), credentials.password());
                auth.decode(result.execute(auth.command()));
            }
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        return result;
    }

    /** Sends one command and waits for its reply. */
    public Reply execute(Command command) {
        return executeAll(List.of(command)).getFirst();
    }

    /**
     * Pipelines {@code commands} and returns one reply per command, in order.
     *
     * @throws IllegalArgumentException for HELP and EXIT
     */
    public List<Reply> executeAll(List<? extends Command> commands) {
        for (Command command : commands) {
            if (command.type().isLocal()) {
                throw new IllegalArgumentException(command.type() + " is local to the command line and is never sent");
            }
        }
        long sentBefore = tracker.framesSent();
        try {
            return session.executeAll(commands);
        } catch (RuntimeException e) {
            int sent = (int) Math.min(commands.size(), tracker.framesSent() - sentBefore);
            if (sent > 0) {
                close();
            }
            throw Failures.transport(e, Effects.anyMayChangeState(commands.subList(0, sent)));
        }
    }

    public ServerHello serverHello() {
        return session.serverHello();
    }

    /** False once the connection was closed (after a failure, or by {@link #close()}). */
    public boolean isOpen() {
        return tracker.isOpen();
    }

    @Override
    public void close() {
        session.close();
    }
}

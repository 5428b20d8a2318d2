package dev.vaylix.server.healthcheck;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.config.HealthcheckConfig;
import dev.vaylix.server.config.Invocation;
import dev.vaylix.server.node.SystemClock;
import dev.vaylix.transport.Capabilities;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.TransportErrors;
import dev.vaylix.transport.Vtp2;
import dev.vaylix.transport.net.Connection;
import dev.vaylix.transport.net.Connector;
import dev.vaylix.transport.net.SocketTransport;
import dev.vaylix.transport.net.TlsClientConfig;
import dev.vaylix.transport.session.ClientOptions;
import dev.vaylix.transport.session.ClientSession;
import dev.vaylix.transport.session.RequestIds;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code vaylix healthcheck} (STORAGE.md §15): connects to a running server, says hello as
 * {@value #CLIENT_NAME}, then
 * <ul>
 *   <li>liveness: {@code PING} must be answered with status OK;
 *   <li>readiness: {@code AUTH} when credentials are given, then {@code HEALTH} must contain
 *       {@code ready=true}.
 * </ul>
 *
 * <p>With {@code --ssl} the probe speaks TLS: it verifies the server certificate against
 * {@code --tls-ca-cert} (else the JDK's trust store), including that it names {@code --host} (or
 * {@code --tls-server-name}), and
 * presents {@code --tls-client-cert} to a server that requires client certificates. An unreadable or
 * invalid file fails the probe like an unreachable server.
 *
 * <p>{@code --timeout-ms} bounds the whole probe, not each step: the connect, the hello and every
 * read get what is left of it, and a watchdog gives up on anything else that could block (name
 * resolution, a stuck write), so a container orchestrator's probe never outlives its budget.
 *
 * <p>Output: nothing on success (exit 0); otherwise one line {@code [SRV-039] Healthcheck Failed:
 * <detail>} on stderr (exit 1). The detail never contains the password.
 */
public final class HealthcheckProbe {

    /** The hello's client name; servers use it to keep probes out of their connection logs. */
    public static final String CLIENT_NAME = "vaylix-healthcheck";

    private static final String CLIENT_VERSION = Optional.ofNullable(HealthcheckProbe.class.getPackage().getImplementationVersion())
            .orElse("dev");

    private final HealthcheckConfig config;
    private final long deadlineNanos;
    private final AtomicReference<Connection> connection = new AtomicReference<>();

    private HealthcheckProbe(HealthcheckConfig config, long startNanos) {
        this.config = config;
        this.deadlineNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(config.timeoutMs());
    }

    /**
     * Runs the probe of {@code invocation}.
     *
     * @return 0 if the server is healthy (nothing printed), 1 otherwise ({@code [SRV-039] …} on {@code err})
     */
    public static int run(Invocation.Healthcheck invocation, PrintStream out, PrintStream err) {
        Objects.requireNonNull(out, "out");
        try {
            check(invocation.config());
            return 0;
        } catch (VaylixException e) {
            err.println(e.describe());
            err.flush();
            return 1;
        }
    }

    /**
     * Probes the server {@code config} names.
     *
     * @throws VaylixException {@code SRV-039} with the reason when it is not live (or not ready)
     */
    public static void check(HealthcheckConfig config) {
        HealthcheckProbe probe = new HealthcheckProbe(config, System.nanoTime());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread worker = Thread.ofVirtual().name("vaylix-healthcheck").start(() -> {
            try {
                probe.probe();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        boolean finished;
        try {
            finished = worker.join(java.time.Duration.ofMillis(config.timeoutMs()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            probe.abort();
            throw failed("no answer from " + probe.address() + " within " + config.timeoutMs() + " ms");
        }
        RuntimeException e = failure.get();
        if (e instanceof VaylixException coded && coded.code() == ErrorCode.SRV_039) {
            throw coded;
        }
        if (e instanceof VaylixException coded) {
            throw failed(probe.describe(coded));
        }
        if (e != null) {
            throw e; // a bug, not a verdict about the server
        }
    }

    private void probe() {
        Connection open = connector().connect(); // with TLS, the handshake is part of connecting
        connection.set(open);
        open.readTimeoutMs(remainingMs());
        ClientOptions options = new ClientOptions(CLIENT_NAME, CLIENT_VERSION, Capabilities.ALL, Compression.NONE, Vtp2.MAX_FRAME_LEN,
                config.credentials().isPresent(), Vtp2.DEFAULT_COMPRESSION_THRESHOLD_BYTES, remainingMs());
        try (ClientSession session = ClientSession.open(open, options, RequestIds.uuidV7(SystemClock.INSTANCE))) {
            switch (config.kind()) {
                case LIVENESS -> live(session);
                case READINESS -> ready(session);
            }
        }
    }

    private void live(ClientSession session) {
        Reply reply = execute(session, new Command.Ping(Optional.empty()));
        if (reply instanceof Reply.Error || reply instanceof Reply.NotFound) {
            throw failed("PING was answered with " + text(reply));
        }
    }

    private void ready(ClientSession session) {
        if (config.credentials().isPresent()) {
            HealthcheckConfig.Credentials credentials = config.credentials().get();
            Reply auth = execute(session, new Command.Auth(credentials.username(), credentials.password()));
            if (!(auth instanceof Reply.Ok)) {
                throw failed("AUTH as " + credentials.username() + " was answered with " + text(auth));
            }
        }
        Reply health = execute(session, new Command.Health());
        if (!(health instanceof Reply.Entries entries)) {
            throw failed("HEALTH was answered with " + text(health));
        }
        boolean ready = entries.entries().stream().anyMatch(e -> e.key().equals("ready") && e.value().utf8String().equals("true"));
        if (!ready) {
            throw failed("not ready: " + entries.entries().stream().map(e -> e.key() + "=" + e.value().utf8String())
                    .collect(Collectors.joining(", ")));
        }
    }

    private Connector connector() {
        if (config.tls().isEmpty()) {
            return SocketTransport.tcp(config.host(), config.port(), remainingMs());
        }
        HealthcheckConfig.Tls tls = config.tls().get();
        TlsClientConfig client;
        try {
            client = TlsClientConfig.fromPemFiles(tls.caCertificate(), tls.clientCertificate(), tls.clientKey());
        } catch (VaylixException e) {
            throw failed("invalid TLS configuration: " + e.getMessage());
        }
        return SocketTransport.tls(config.host(), config.port(), tls.serverName().orElse(config.host()), remainingMs(), client);
    }

    /** Sends one request with a read bound of what is left of the budget. */
    private Reply execute(ClientSession session, Command command) {
        session.connection().readTimeoutMs(remainingMs());
        return session.execute(command);
    }

    /** Milliseconds left, at least 1 (0 would mean "no bound" to sockets). */
    private int remainingMs() {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        return (int) Math.clamp(left, 1, Integer.MAX_VALUE);
    }

    /** Unblocks whatever the probe thread is waiting on. */
    private void abort() {
        Connection open = connection.get();
        if (open != null) {
            open.close();
        }
    }

    private String address() {
        return config.host() + ":" + config.port();
    }

    private String describe(VaylixException e) {
        if (TransportErrors.isTimeout(e)) {
            return "no answer from " + address() + " within " + config.timeoutMs() + " ms";
        }
        if (connection.get() == null) {
            return "cannot connect to " + address() + ": " + e.describe();
        }
        return "connection to " + address() + " failed: " + e.describe();
    }

    private static String text(Reply reply) {
        return switch (reply) {
            case Reply.Error error -> "[" + error.code() + "] " + error.name() + ": " + error.message();
            case Reply.NotFound notFound -> "not found";
            default -> reply.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " reply";
        };
    }

    private static VaylixException failed(String detail) {
        return ErrorCode.SRV_039.exception(detail);
    }
}

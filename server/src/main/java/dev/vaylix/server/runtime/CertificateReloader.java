package dev.vaylix.server.runtime;

import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.audit.AuditEvent;
import dev.vaylix.server.audit.AuditSink;
import dev.vaylix.server.config.TlsConfig;
import dev.vaylix.server.exec.NodeFacts;
import dev.vaylix.transport.net.SocketListener;
import dev.vaylix.transport.net.TlsServerConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS certificate of a running server and its reload (SIGHUP, STORAGE.md §9 step 8): reads
 * {@code --tls-cert}, {@code --tls-key} and {@code --tls-client-ca} again, checks them as at start-up
 * (a key that does not match, an expired certificate: {@code SRV-010}), and hands the new configuration
 * to the listener, so that every connection accepted from then on gets the new certificate while
 * established ones keep their session. A reload that fails changes nothing: the previous certificate
 * stays in use, the failure is logged at WARN with its reason (never key material), shown in INFO
 * ({@code security.last_tls_reload_failure_at_ms}) and audited ({@code tls_reload}, status {@code error}).
 *
 * <p>Thread-safe: reloads are serialised; {@link #status()} may be read from any thread.
 */
final class CertificateReloader {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final TlsConfig config;
    private final SocketListener listener;
    private final AuditSink audit;
    private final Clock clock;
    private volatile NodeFacts.TlsStatus status;

    /**
     * @param loaded the configuration the listener was opened with
     */
    CertificateReloader(TlsConfig config, TlsServerConfig loaded, SocketListener listener, AuditSink audit, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = new NodeFacts.TlsStatus(notAfter(loaded), OptionalLong.empty(), OptionalLong.empty());
    }

    /** Reads the certificate files of {@code config} as of {@code nowMs}; {@code SRV-010} if they are unusable. */
    static TlsServerConfig load(TlsConfig config, long nowMs) {
        return TlsServerConfig.fromPemFiles(config.certificate().orElseThrow(), config.privateKey().orElseThrow(), config.clientCa(),
                nowMs);
    }

    /** The certificate new connections get and the outcome of the reloads so far. */
    NodeFacts.TlsStatus status() {
        return status;
    }

    /** Reloads the files; never throws (see the class comment). */
    synchronized void reload() {
        long nowMs = clock.wallTimeMs();
        NodeFacts.TlsStatus before = status;
        try {
            TlsServerConfig next = load(config, nowMs);
            listener.replaceTlsConfig(next);
            status = new NodeFacts.TlsStatus(notAfter(next), OptionalLong.of(nowMs), before.lastReloadFailureAtMs());
            audit.record(AuditEvent.tlsReload(Optional.empty()));
            LOG.info("event=tls_reloaded certificate={} not_after_ms={}", config.certificate().orElseThrow(),
                    status.certificateNotAfterMs().orElseThrow());
        } catch (VaylixException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            LOG.warn("event=tls_reload_failed code={} reason=\"{}\": the previous certificate stays in use", e.code().code(), reason);
            failed(before, nowMs, e.code());
        } catch (RuntimeException e) {
            // Not a refusal we know of: still, a reload must never change or stop what is being served.
            LOG.error("event=tls_reload_failed code={}: the previous certificate stays in use", ErrorCode.SRV_010.code(), e);
            failed(before, nowMs, ErrorCode.SRV_010);
        }
    }

    private void failed(NodeFacts.TlsStatus before, long nowMs, ErrorCode code) {
        status = new NodeFacts.TlsStatus(before.certificateNotAfterMs(), before.lastReloadSuccessAtMs(), OptionalLong.of(nowMs));
        audit.record(AuditEvent.tlsReload(Optional.of(code)));
    }

    private static OptionalLong notAfter(TlsServerConfig tls) {
        return OptionalLong.of(tls.certificate().getNotAfter().getTime());
    }
}

package dev.vaylix.server.audit;

import java.util.Optional;

/**
 * The outcome of an audited request (STORAGE.md §12.1 {@code status}) and of a semantic event
 * ({@code details.result}): {@code ok}, {@code error} or {@code not_found}.
 */
public enum AuditStatus {
    OK("ok"),
    ERROR("error"),
    NOT_FOUND("not_found");

    private final String text;

    AuditStatus(String text) {
        this.text = text;
    }

    /** The text written to the log. */
    public String text() {
        return text;
    }

    /** The status spelled {@code text}, if it is one. */
    public static Optional<AuditStatus> parse(String text) {
        for (AuditStatus status : values()) {
            if (status.text.equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

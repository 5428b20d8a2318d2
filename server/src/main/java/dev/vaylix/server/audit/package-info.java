/**
 * The audit log (STORAGE.md §12): {@link dev.vaylix.server.audit.AuditSink}, the events the
 * runtime records ({@link dev.vaylix.server.audit.AuditEvent}), and
 * {@link dev.vaylix.server.audit.FileAuditLog}, the append-only, SHA-256 hash-chained JSON Lines
 * file verified at start-up. Design and deliberate differences: {@code docs/AUDIT.md}.
 */
package dev.vaylix.server.audit;

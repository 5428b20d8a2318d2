package dev.vaylix.server.policy;

/** What a command does while the session has an open MULTI (COMMANDS.md §9). */
public enum TransactionRule {
    /** Appended to the queue and answered {@code QUEUED}. */
    QUEUE,
    /** AUTH: executed at once, never queued. */
    IMMEDIATE,
    /** MULTI (SRV-014 inside a transaction), EXEC and DISCARD: they drive the transaction itself. */
    CONTROL,
    /** Refused with SRV-016; the transaction stays open. */
    REJECT
}

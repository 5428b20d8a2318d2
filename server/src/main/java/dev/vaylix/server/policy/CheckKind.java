package dev.vaylix.server.policy;

/** How a command's permission is checked (COMMANDS.md §6.2). */
public enum CheckKind {
    /** Allowed before authentication: AUTH, PING. */
    NONE,
    /** Needs an authenticated session and nothing more. */
    AUTHENTICATED,
    /** The permission must be allowed on every key the command names ({@code allows_key}). */
    PER_KEY,
    /** The permission must cover the SCAN pattern, {@code *} when absent ({@code allows_pattern}). */
    PATTERN,
    /** The permission must be held for every key ({@code has}). */
    GLOBAL,
    /** HELP and EXIT: handled by the CLI, never sent (no opcode); a server answers SRV-016. */
    LOCAL_ONLY
}

package dev.vaylix.api.command;

/** The NX/XX condition of SET; the wire byte is the ordinal (VTP2.md §4 set-condition). */
public enum SetCondition {
    /** Always write (unless IF VERSION says otherwise). */
    NONE,
    /** Write only if the key is absent. */
    NX,
    /** Write only if the key is present. */
    XX
}

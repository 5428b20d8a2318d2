package dev.vaylix.raft;

/**
 * Receives {@link RaftEvent}s. Called synchronously on the node's thread: implementations must be
 * quick and must not call back into the node.
 */
@FunctionalInterface
public interface RaftEventListener {

    RaftEventListener NONE = _ -> { };

    void onEvent(RaftEvent event);
}

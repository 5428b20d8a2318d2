package dev.vaylix.raft.confchange;

/**
 * One single-server membership change (thesis §4.1): the only kind Vaylix makes. Each change moves
 * the configuration by at most one voter, so any majority of the old voters and any majority of the
 * new voters overlap, and no joint consensus is needed.
 */
public sealed interface ConfChange {

    /** The node the change concerns. */
    String nodeId();

    /** Adds a new server as a learner; it is promoted once it has caught up (thesis §4.2.1). */
    record AddLearner(String nodeId) implements ConfChange {
        public AddLearner {
            NodeIds.check(nodeId);
        }
    }

    /** Makes a learner a voter. The leader proposes this itself when the learner has caught up. */
    record PromoteLearner(String nodeId) implements ConfChange {
        public PromoteLearner {
            NodeIds.check(nodeId);
        }
    }

    /** Removes a voter or a learner, possibly the leader itself (thesis §4.2.2). */
    record RemoveServer(String nodeId) implements ConfChange {
        public RemoveServer {
            NodeIds.check(nodeId);
        }
    }
}

package dev.vaylix.server.exec;

import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One consistent picture of this node's place in its Raft group, in the vocabulary of COMMANDS.md
 * §10.4–§10.6 and INFO, with "sequence" read as "log index" (COMPATIBILITY.md).
 *
 * <ul>
 *   <li>role: {@code standalone} for the leader of a one-voter group (the single-node server), else
 *       {@code leader}, {@code follower}, or {@code candidate} (pre-candidates included);</li>
 *   <li>health {@code ready} when this node leads or follows a known leader; otherwise {@code degraded},
 *       reason {@code election_in_progress} (campaigning) or {@code awaiting_leader};</li>
 *   <li>members: every voter and learner of the configuration in use; this node's address is the bound
 *       listener, other members' addresses are not known to a single node yet ({@code none}).</li>
 * </ul>
 */
record ClusterView(String nodeId, String groupId, String role, long term, String votedFor, String leaderId, long commitIndex,
                   long appliedIndex, SortedSet<String> voters, SortedSet<String> learners, String listenAddress) {

    static ClusterView of(Status status, long appliedIndex, String groupId, String listenAddress) {
        SortedSet<String> voters = status.configuration().voters();
        String role = switch (status.role()) {
            case LEADER -> voters.size() == 1 && voters.contains(status.id()) ? "standalone" : "leader";
            case FOLLOWER -> "follower";
            case CANDIDATE, PRE_CANDIDATE -> "candidate";
        };
        return new ClusterView(status.id(), groupId, role, status.term(), status.votedFor(), status.leaderId(),
                status.commitIndex(), appliedIndex, voters, status.configuration().learners(), listenAddress);
    }

    boolean ready() {
        return !leaderId.isEmpty();
    }

    String health() {
        return ready() ? "ready" : "degraded";
    }

    String reason() {
        if (ready()) {
            return "none";
        }
        return role.equals("candidate") ? "election_in_progress" : "awaiting_leader";
    }

    /** voters / 2 + 1, voters counted as at least 1 (COMMANDS.md §10.5). */
    int quorumSize() {
        return Math.max(1, voters.size()) / 2 + 1;
    }

    int memberCount() {
        return voters.size() + learners.size();
    }

    String leaderOrNone() {
        return leaderId.isEmpty() ? "none" : leaderId;
    }

    String leaderAddressOrNone() {
        return leaderId.equals(nodeId) ? listenAddress : "none";
    }

    /** The node this one replicates from: its leader's address when another node leads, else none. */
    String upstreamOrNone() {
        return leaderId.isEmpty() || leaderId.equals(nodeId) ? "none" : addressOf(leaderId);
    }

    String addressOf(String member) {
        return member.equals(nodeId) ? listenAddress : "none";
    }

    /** HEALTH (§10.4); a node with a follower phase would add it, a single node has none. */
    Reply.Entries health(boolean maintenance) {
        return new Reply.Entries(List.of(
                Reply.Entry.text("status", health()),
                Reply.Entry.text("ready", Boolean.toString(ready())),
                Reply.Entry.text("reason", reason()),
                Reply.Entry.text("role", role),
                Reply.Entry.text("maintenance_mode", Boolean.toString(maintenance))));
    }

    /** SHOW CLUSTER (§10.5). */
    Reply.Entries showCluster(String writeAckMode) {
        List<Reply.Entry> entries = new ArrayList<>();
        entries.add(Reply.Entry.text("node_id", nodeId));
        entries.add(Reply.Entry.text("group_id", groupId));
        entries.add(Reply.Entry.text("role", role));
        entries.add(Reply.Entry.text("current_term", Long.toUnsignedString(term)));
        entries.add(Reply.Entry.text("leader_node_id", leaderOrNone()));
        entries.add(Reply.Entry.text("leader_advertise_addr", leaderAddressOrNone()));
        entries.add(Reply.Entry.text("commit_index", Long.toUnsignedString(commitIndex)));
        entries.add(Reply.Entry.text("last_applied_index", Long.toUnsignedString(appliedIndex)));
        entries.add(Reply.Entry.text("quorum_size", Integer.toString(quorumSize())));
        entries.add(Reply.Entry.text("member_count", Integer.toString(memberCount())));
        entries.add(Reply.Entry.text("sync_policy", writeAckMode));
        entries.add(Reply.Entry.text("health", health()));
        addMembers(entries);
        return new Reply.Entries(entries);
    }

    /**
     * SHOW REPLICATION (§10.6). A single node has no upstream and no followers: {@code known_followers}
     * is 0 and the follower fields are {@code none}.
     */
    Reply.Entries showReplication(String writeAckMode) {
        List<Reply.Entry> entries = new ArrayList<>();
        entries.add(Reply.Entry.text("node_id", nodeId));
        entries.add(Reply.Entry.text("group_id", groupId));
        entries.add(Reply.Entry.text("role", role));
        entries.add(Reply.Entry.text("advertise_addr", listenAddress));
        entries.add(Reply.Entry.text("leader_node_id", leaderOrNone()));
        entries.add(Reply.Entry.text("leader_advertise_addr", leaderAddressOrNone()));
        entries.add(Reply.Entry.text("upstream", upstreamOrNone()));
        entries.add(Reply.Entry.text("write_ack_mode", writeAckMode));
        entries.add(Reply.Entry.text("current_term", Long.toUnsignedString(term)));
        entries.add(Reply.Entry.text("voted_for", votedFor.isEmpty() ? "none" : votedFor));
        entries.add(Reply.Entry.text("quorum_size", Integer.toString(quorumSize())));
        entries.add(Reply.Entry.text("paused", "false"));
        entries.add(Reply.Entry.text("health", health()));
        entries.add(Reply.Entry.text("reason", reason()));
        entries.add(Reply.Entry.text("local_last_applied_sequence", Long.toUnsignedString(appliedIndex)));
        entries.add(Reply.Entry.text("commit_sequence", Long.toUnsignedString(commitIndex)));
        entries.add(Reply.Entry.text("retention_floor_sequence", "none"));
        entries.add(Reply.Entry.text("follower_phase", "none"));
        entries.add(Reply.Entry.text("follower_lag_entries", "none"));
        entries.add(Reply.Entry.text("follower_lag_ms", "none"));
        entries.add(Reply.Entry.text("known_followers", "0"));
        addMembers(entries);
        return new Reply.Entries(entries);
    }

    private void addMembers(List<Reply.Entry> entries) {
        // Voters and learners are each sorted; merge them so members come out ordered by node id.
        TreeSet<String> members = new TreeSet<>(voters);
        members.addAll(learners);
        for (String member : members) {
            entries.add(Reply.Entry.text("member." + member + ".advertise_addr", addressOf(member)));
            entries.add(Reply.Entry.text("member." + member + ".voter", Boolean.toString(voters.contains(member))));
        }
    }
}

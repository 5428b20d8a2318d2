------------------------------ MODULE VaylixRaft ------------------------------
(***************************************************************************)
(* The Raft variant Vaylix implements (RAFT-VARIANT.md, and the `raft`    *)
(* module as docs/RAFT.md maps it): Ongaro's thesis with pre-vote (s9.6), *)
(* check-quorum and leader stickiness (s4.2.3), a no-op on election, the  *)
(* exact AppendEntries truncation and commit rules, heartbeats carrying   *)
(* min(match, commit) and the ReadIndex round, crash/restart with durable *)
(* term, vote and log and a lossy unsynced leader tail, a network that    *)
(* loses, duplicates and reorders, single-server membership changes       *)
(* through the log with learners, ReadIndex reads (s6.4) whose rounds are *)
(* shared by every read queued since the previous round, and leadership   *)
(* transfer (TimeoutNow).  spec/README.md maps every action to the code.   *)
(*                                                                         *)
(* Time is abstract.  Each node has a flag `heard`: "a current leader was  *)
(* heard from within the minimum election timeout" (the code's inLease()). *)
(* A valid AppendEntries or heartbeat sets it, and a leader always has it; *)
(* the environment action ContactExpires clears it at any moment, standing *)
(* for "enough ticks went by".  An election timeout clears it too (a       *)
(* randomised timeout is never shorter than the minimum), and a node with  *)
(* it refuses pre-votes and ignores higher-term vote requests (leader      *)
(* stickiness).  Nothing else depends on time: Vaylix uses no leases, so   *)
(* safety must hold whatever the clocks do, and letting every timer fire   *)
(* at any moment is the sound over-approximation.                          *)
(*                                                                         *)
(* Steps are those of the deterministic core: handling one message is one *)
(* atomic step including the answer and the transitions the message        *)
(* triggers inside the handler (the vote completing a quorum makes the     *)
(* leader, who appends its no-op).  Everything the code does later, or in  *)
(* another call, is a step of its own: the campaign after a won pre-vote   *)
(* (BecomeCandidate), giving up a lost campaign, advancing the leader's    *)
(* commit index (AdvanceCommitIndex), starting a ReadIndex round, sending  *)
(* AppendEntries, heartbeats and TimeoutNow.  Separate steps only add      *)
(* interleavings, so they over-approximate the code.                       *)
(*                                                                         *)
(* Persistence.  A log has a durable prefix `synced`.  A leader appends    *)
(* its own entries (no-op, writes, configuration changes) without syncing: *)
(* its disk write runs in parallel with replication, and PersistLog models *)
(* that write finishing.  Every other step that changes term, vote or log  *)
(* ends with them durable: the code holds every message that depends on   *)
(* them until the write is done, and this spec makes the handler and the   *)
(* write one step (README "What is abstracted": a crash that loses a       *)
(* follower's unsynced write loses the answers that depended on it too).   *)
(* Restart keeps the synced prefix and any prefix of the unsynced tail,    *)
(* and loses all volatile state.                                           *)
(*                                                                         *)
(* The network is a set of messages.  Delivery either consumes a message  *)
(* (Receive) or leaves a copy behind (ReceiveDup, a duplicate); Drop loses *)
(* one; any message may be delivered at any time (reordering).  Handlers   *)
(* are total: a message the protocol ignores is consumed without effect.   *)
(*                                                                         *)
(* Mutation switches on one known-bad rule so that the checks can be shown *)
(* to catch it (see MutationNames); it is "none" for the real protocol.    *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS
    Server,       \* every node id that may ever take part
    InitVoters,   \* voters of the bootstrap configuration (log index 0)
    Nil,          \* "no node"
    Features,     \* environment actions in scope: subset of FeatureNames
    Mutation,     \* "none" or one of MutationNames
    \* Bounds, used only by StateBound (the TLC state constraint) and by the
    \* batch size Next explores; the actions themselves are unbounded.
    MaxTerm, MaxLogLen, MaxMsgs, MaxRestarts, MaxReads, MaxBatch

FeatureNames == {"crash", "writes", "reads", "config", "transfer", "drop", "dup",
                 "checkquorum", "pipeline", "compacted"}

MutationNames == {
    "none",
    "CommitPrevTermByCount",     \* commit an old-term entry by counting replicas (thesis Fig. 3.7)
    "TruncateWithoutConflict",   \* follower truncates after prevIndex even when entries match
    "AcceptWithoutPrevCheck",    \* follower skips the prevIndex/prevTerm consistency check
    "FollowerCommitBeyondMatch", \* follower commits min(leaderCommit, its own last index)
    "VoteWithoutLogCheck",       \* grant a vote without the up-to-date check
    "VoteTwice",                 \* grant a vote even after voting for another candidate
    "ForgetVoteOnRestart",       \* votedFor is treated as volatile
    "LoseSyncedOnCrash",         \* a restart may lose synced log entries
    "LeaderCountsUnsynced",      \* the leader counts itself before its disk write finished
    "ReadWithoutConfirm",        \* serve a ReadIndex read without the heartbeat round
    "ReadBeforeTermCommit",      \* take a read index before committing an entry of the term
    "TwoConfigChanges"           \* allow a change while another one is uncommitted
}

ASSUME Features \subseteq FeatureNames
ASSUME Mutation \in MutationNames
ASSUME InitVoters \subseteq Server /\ InitVoters # {}
ASSUME Nil \notin Server

VARIABLES
    node,       \* node[s]: the whole state of server s (record, see NodeType)
    messages,   \* the network: messages sent and not yet consumed or dropped
    committed,  \* history: committed[i] = [entry, term, voters] for every index ever committed
    elected,    \* history: set of <<term, server>> for every election won
    reads,      \* reads[id]: one client read, its client side and its leader side (see ReadType)
    restarts    \* number of Restart steps taken (bounded by MaxRestarts)

vars == <<node, messages, committed, elected, reads, restarts>>

-----------------------------------------------------------------------------
(* Values. *)

Roles == {"Follower", "PreCandidate", "Candidate", "Leader"}
Max(S) == CHOOSE x \in S : \A y \in S : y <= x
Min(S) == CHOOSE x \in S : \A y \in S : x <= y
Min2(a, b) == IF a <= b THEN a ELSE b
Max2(a, b) == IF a >= b THEN a ELSE b

\* A configuration.  Entries that are not configuration changes carry NoCfg so
\* that every entry has the same shape.
NoCfg == [voters |-> {}, learners |-> {}]
InitConfig == [voters |-> InitVoters, learners |-> {}]

Zero == [s \in Server |-> 0]

\* `round` is the ReadIndex round counter of the code's ReadOnly: volatile, but
\* kept across role changes (only a restart resets it).
InitNode == [term |-> 0, role |-> "Follower", votedFor |-> Nil, log |-> <<>>,
             synced |-> 0, commit |-> 0, votes |-> {}, heard |-> FALSE,
             match |-> Zero, transfer |-> Nil, round |-> 0, ack |-> Zero]

-----------------------------------------------------------------------------
(* Logs. *)

LastTerm(lg) == IF lg = <<>> THEN 0 ELSE lg[Len(lg)].term
TermAt(lg, i) == IF i = 0 THEN 0 ELSE lg[i].term

\* Index of the latest configuration entry of a log, 0 if none.
RECURSIVE ConfigIndexFrom(_, _)
ConfigIndexFrom(lg, i) == IF i = 0 THEN 0
                          ELSE IF lg[i].kind = "config" THEN i
                          ELSE ConfigIndexFrom(lg, i - 1)
ConfigIndex(lg) == ConfigIndexFrom(lg, Len(lg))

\* The configuration a node uses: the latest one in its log, committed or not
\* (RAFT-VARIANT "Configuration"); the bootstrap one if its log has none.  A
\* server that joins later starts with an empty log, so it believes the
\* bootstrap configuration until it receives entries; it is not a voter there,
\* so it neither campaigns nor counts votes (the code starts it with an empty
\* configuration, which has the same effect).
Config(lg) == IF ConfigIndex(lg) = 0 THEN InitConfig ELSE lg[ConfigIndex(lg)].cfg
Voters(lg) == Config(lg).voters
Members(lg) == Config(lg).voters \cup Config(lg).learners

\* S holds a majority of the voter set V.  Non-voters in S do not count.
IsQuorum(S, V) == 2 * Cardinality(S \cap V) > Cardinality(V)

\* Thesis s3.6.1: log (lt, li) is at least as up-to-date as lg.
UpToDate(lt, li, lg) == lt > LastTerm(lg) \/ (lt = LastTerm(lg) /\ li >= Len(lg))

\* Follower append rule.  For each entry: same index and term -> already present,
\* skip; same index, other term -> truncate there and append the rest; new index
\* -> append.  A batch whose entries are all present changes nothing.
FirstNew(lg, prev, ents) ==
    LET K == {k \in 1..Len(ents) : prev + k > Len(lg) \/ lg[prev + k].term # ents[k].term}
    IN IF K = {} THEN 0 ELSE Min(K)

Merge(lg, prev, ents) ==
    IF Mutation = "TruncateWithoutConflict"
    THEN SubSeq(lg, 1, prev) \o ents
    ELSE LET k == FirstNew(lg, prev, ents)
         IN IF k = 0 THEN lg ELSE SubSeq(lg, 1, prev + k - 1) \o SubSeq(ents, k, Len(ents))

\* The leader has committed an entry of its current term (the no-op at least).
CommittedInTerm(n) == n.commit > 0 /\ n.log[n.commit].term = n.term

\* Register model for reads: a write entry sets the register; its value is the
\* index of the write.  ReadIndex results are compared by that index.
RECURSIVE LastWriteFrom(_, _)
LastWriteFrom(lg, i) == IF i = 0 THEN 0
                        ELSE IF lg[i].kind = "write" THEN i
                        ELSE LastWriteFrom(lg, i - 1)

CommittedEntries == [i \in 1..Len(committed) |-> committed[i].entry]

-----------------------------------------------------------------------------
(* Node state transformers (pure; actions apply them). *)

\* Lose the role and every piece of leader/candidate state (volatile).
AsFollower(n) == [n EXCEPT !.role = "Follower", !.votes = {}, !.match = Zero,
                           !.transfer = Nil, !.ack = Zero]

\* The node gives up its role and no longer knows a current leader (the code's
\* becomeFollower(term, NONE)): it is no longer sticky.
StepDown(n) == [AsFollower(n) EXCEPT !.heard = FALSE]

\* A message carries term t: a higher term makes the node a follower of t with no vote.
AtTerm(n, t) == IF t > n.term THEN [StepDown(n) EXCEPT !.term = t, !.votedFor = Nil] ELSE n

\* The effect of one step of node s: its new state, the messages it sends, and
\* the new values of the history variables.  Steps are composed from these.
Eff(n, out) == [n |-> n, out |-> out, rd |-> reads, cm |-> committed, el |-> elected]

\* A candidate with a majority of votes becomes leader and appends a no-op of
\* its term (unsynced: the leader's own write runs in parallel with replication).
MaybeWin(s, e) ==
    LET n == e.n IN
    IF n.role = "Candidate" /\ IsQuorum(n.votes, Voters(n.log))
    THEN [e EXCEPT !.n = [AsFollower(n) EXCEPT !.role = "Leader", !.heard = TRUE,
                              !.log = Append(n.log, [term |-> n.term, kind |-> "noop", cfg |-> NoCfg])],
                   !.el = @ \cup {<<n.term, s>>}]
    ELSE e

\* Start an election: new term, own vote, RequestVote to the other voters.
\* Term and vote are persisted before the requests leave (one step).  A
\* candidate knows no leader, so it is not sticky.
Campaign(s, e, transfer) ==
    LET n == e.n
        n1 == [AsFollower(n) EXCEPT !.term = n.term + 1, !.votedFor = s, !.heard = FALSE,
                                    !.role = "Candidate", !.votes = {s}]
    IN MaybeWin(s, [e EXCEPT !.n = n1,
                   !.out = @ \cup {[type |-> "VoteReq", from |-> s, to |-> t, term |-> n1.term,
                                    lastLogTerm |-> LastTerm(n.log), lastLogIndex |-> Len(n.log),
                                    transfer |-> transfer] : t \in Voters(n.log) \ {s}}])

-----------------------------------------------------------------------------
(* ReadIndex (thesis s6.4).  A read has a client side at the node the client *)
(* asked (cst) and a leader side at the leader that serves it (lst):         *)
(*   client side: "pending" -> "ready" (read index known) -> "done" (served) *)
(*                or "failed";                                              *)
(*   leader side: "none" -> "waiting" (no entry of the term committed yet)   *)
(*                -> "queued" (read index = commit index) -> "confirming"    *)
(*                (in a heartbeat round) -> "confirmed", or "rejected".      *)

ReadResp(from, to, term, id, ok, readIndex) ==
    [type |-> "ReadIndexResp", from |-> from, to |-> to, term |-> term, id |-> id, ok |-> ok,
     readIndex |-> readIndex]

\* A read is confirmed once a majority of voters (the leader included)
\* acknowledged a heartbeat round started after the read was queued.
Confirmable(s, n, r) ==
    /\ n.role = "Leader"
    /\ r.leader = s /\ r.term = n.term
    /\ \/ r.lst = "confirming" /\ IsQuorum({s} \cup {t \in Server : n.ack[t] >= r.round}, Voters(n.log))
       \/ Mutation = "ReadWithoutConfirm" /\ r.lst \in {"queued", "confirming"}

\* Confirmed reads: a read asked at the leader is served at once (the leader has
\* applied up to its commit index, which is at least the read index); a
\* forwarded one gets its read index sent back.
MaybeConfirmReads(s, e) ==
    LET n == e.n
        rd == e.rd
        C == {i \in 1..Len(rd) : Confirmable(s, n, rd[i])}
        Serve(r) == IF r.cst = "pending"
                    THEN [r EXCEPT !.lst = "confirmed", !.cst = "done", !.result = LastWriteFrom(n.log, n.commit)]
                    ELSE [r EXCEPT !.lst = "confirmed"]
    IN [e EXCEPT !.rd = [i \in 1..Len(rd) |->
                           IF i \notin C THEN rd[i]
                           ELSE IF rd[i].node = s THEN Serve(rd[i])
                           ELSE [rd[i] EXCEPT !.lst = "confirmed"]],
                 !.out = @ \cup {ReadResp(s, rd[i].node, n.term, i, TRUE, rd[i].readIndex) :
                                 i \in {j \in C : rd[j].node # s}}]

\* A node whose read index is known serves the read once it has applied that far.
MaybeServeReads(s, e) ==
    LET n == e.n
        rd == e.rd
    IN [e EXCEPT !.rd = [i \in 1..Len(rd) |->
                           IF rd[i].node = s /\ rd[i].cst = "ready" /\ n.commit >= rd[i].readIndex
                           THEN [rd[i] EXCEPT !.cst = "done", !.result = LastWriteFrom(n.log, n.commit)]
                           ELSE rd[i]]]

\* Leader s takes read i: read index = commit index if it has committed an entry
\* of its term, else the read waits for that (AdvanceCommitIndex).
HoldRead(s, e, i) ==
    LET n == e.n IN
    MaybeConfirmReads(s,
        IF CommittedInTerm(n) \/ Mutation = "ReadBeforeTermCommit"
        THEN [e EXCEPT !.rd[i] = [@ EXCEPT !.lst = "queued", !.leader = s, !.term = n.term, !.readIndex = n.commit]]
        ELSE [e EXCEPT !.rd[i] = [@ EXCEPT !.lst = "waiting", !.leader = s, !.term = n.term]])

-----------------------------------------------------------------------------
(* Leader commit. *)

\* The largest N > commitIndex whose entry has the current term and that a
\* majority of voters store durably (the leader counts itself only for what
\* its own write has made durable).  Earlier-term entries commit only through a
\* later entry of the current term (thesis s3.6.2).
CommitCandidates(s, n) ==
    LET Agree(i) == {t \in Server \ {s} : n.match[t] >= i}
                    \cup (IF n.synced >= i \/ Mutation = "LeaderCountsUnsynced" THEN {s} ELSE {})
    IN {i \in (n.commit + 1)..Len(n.log) :
            /\ IsQuorum(Agree(i), Voters(n.log))
            /\ n.log[i].term = n.term \/ Mutation = "CommitPrevTermByCount"}

-----------------------------------------------------------------------------
(* Message handlers.  Each is total: r = m.to, e = Eff(node[r], {}). *)

\* Pre-vote (thesis s9.6) never changes anyone's term or vote.  Granted iff the
\* candidate's log is at least as up-to-date and the receiver has not heard
\* from a leader within the minimum election timeout (leader stickiness: a node
\* that has refuses).  Terms are not compared; the answer carries the proposed
\* term so that the pre-candidate can match it to its round.
OnPreVoteReq(r, e, m) ==
    [e EXCEPT !.out = {[type |-> "PreVoteResp", from |-> r, to |-> m.from, term |-> m.term,
                        granted |-> UpToDate(m.lastLogTerm, m.lastLogIndex, e.n.log) /\ ~e.n.heard]}]

OnPreVoteResp(r, e, m) ==
    IF e.n.role = "PreCandidate" /\ m.term = e.n.term + 1 /\ m.granted
    THEN [e EXCEPT !.n.votes = @ \cup {m.from}]
    ELSE e

\* RequestVote.  Leader stickiness: ignored (no answer, no term change) when it
\* carries a higher term and the receiver heard from a leader recently, unless
\* it is part of a transfer.  A stale request is refused with the receiver's term.
OnVoteReq(r, e, m) ==
    LET n == e.n IN
    IF m.term > n.term /\ n.heard /\ ~m.transfer THEN e
    ELSE LET n1 == AtTerm(n, m.term)
             logOk == UpToDate(m.lastLogTerm, m.lastLogIndex, n1.log)
                      \/ Mutation = "VoteWithoutLogCheck"
             voteOk == n1.votedFor \in {Nil, m.from} \/ Mutation = "VoteTwice"
             grant == m.term = n1.term /\ logOk /\ voteOk
             n2 == IF grant THEN [n1 EXCEPT !.votedFor = m.from] ELSE n1
         IN [e EXCEPT !.n = n2,
                      !.out = {[type |-> "VoteResp", from |-> r, to |-> m.from, term |-> n2.term,
                                granted |-> grant]}]

OnVoteResp(r, e, m) ==
    IF m.term > e.n.term THEN [e EXCEPT !.n = AtTerm(@, m.term)]
    ELSE IF e.n.role = "Candidate" /\ m.term = e.n.term /\ m.granted
         THEN MaybeWin(r, [e EXCEPT !.n.votes = @ \cup {m.from}])
         ELSE e

AppendResp(r, m, term, success, matchIndex) ==
    [type |-> "AppendResp", from |-> r, to |-> m.from, term |-> term,
     success |-> success, matchIndex |-> matchIndex]

\* The sender of m leads m.term: the receiver adopts the term, becomes (or
\* stays) follower and records that it heard from the leader.
FollowSender(n, m) == [AsFollower(AtTerm(n, m.term)) EXCEPT !.heard = TRUE]

\* AppendEntries.  A stale leader gets a rejection carrying the newer term.
\* Otherwise the receiver follows the sender; it rejects if it lacks prevIndex
\* or its term there differs, else merges the entries, advances its commit
\* index to min(leaderCommit, prevIndex + len(entries)) and persists before
\* replying.  A rejection's backoff hint is flow control: not modelled (0).
OnAppendReq(r, e, m) ==
    LET n == e.n IN
    IF m.term < n.term THEN [e EXCEPT !.out = {AppendResp(r, m, n.term, FALSE, 0)}]
    ELSE LET n1 == FollowSender(n, m)
             ok == /\ m.prevIndex <= Len(n1.log)
                   /\ \/ TermAt(n1.log, m.prevIndex) = m.prevTerm
                      \/ Mutation = "AcceptWithoutPrevCheck"
         IN IF ~ok THEN [e EXCEPT !.n = n1, !.out = {AppendResp(r, m, n1.term, FALSE, 0)}]
            ELSE LET lg == Merge(n1.log, m.prevIndex, m.entries)
                     last == IF Mutation = "FollowerCommitBeyondMatch"
                             THEN Len(lg) ELSE m.prevIndex + Len(m.entries)
                     n2 == [n1 EXCEPT !.log = lg, !.synced = Len(lg),
                                      !.commit = Max2(n1.commit, Min2(m.commit, last))]
                 IN MaybeServeReads(r, [e EXCEPT !.n = n2,
                        !.out = {AppendResp(r, m, n2.term, TRUE, m.prevIndex + Len(m.entries))}])

\* Heartbeat: the leader sends min(match, commit), so the follower holds (and
\* matches) every entry it may commit; it echoes the ReadIndex round.  No log
\* check is needed: a follower's log never loses what it acknowledged to the
\* leader of its term (the model checker verifies that this is safe).
OnHeartbeat(r, e, m) ==
    LET n == e.n IN
    IF m.term < n.term THEN [e EXCEPT !.out = {AppendResp(r, m, n.term, FALSE, 0)}]
    ELSE LET n1 == [FollowSender(n, m) EXCEPT !.commit = Max2(@, m.commit)]
         IN MaybeServeReads(r, [e EXCEPT !.n = n1,
                !.out = {[type |-> "HeartbeatResp", from |-> r, to |-> m.from, term |-> n1.term,
                          round |-> m.round]}])

\* A success of the leader's term raises the sender's match index (members
\* only: the code forgets the progress of removed servers).
OnAppendResp(r, e, m) ==
    LET n == e.n IN
    IF m.term > n.term THEN [e EXCEPT !.n = AtTerm(n, m.term)]
    ELSE IF n.role = "Leader" /\ m.term = n.term /\ m.success /\ m.from \in Members(n.log)
         THEN [e EXCEPT !.n.match[m.from] = Max2(@, m.matchIndex)]
         ELSE e

\* A heartbeat answer of the leader's term acknowledges the ReadIndex round it
\* echoes, which may confirm reads.
OnHeartbeatResp(r, e, m) ==
    LET n == e.n IN
    IF m.term > n.term THEN [e EXCEPT !.n = AtTerm(n, m.term)]
    ELSE IF n.role = "Leader" /\ m.term = n.term /\ m.from \in Members(n.log)
         THEN MaybeConfirmReads(r, [e EXCEPT !.n.ack[m.from] = Max2(@, m.round)])
         ELSE e

\* TimeoutNow: a follower that is a voter campaigns at once, skipping
\* pre-vote; its RequestVotes are exempt from leader stickiness.
\* (Pre-)candidates and leaders ignore it.
OnTimeoutNow(r, e, m) ==
    LET n1 == AtTerm(e.n, m.term) IN
    IF m.term < e.n.term \/ n1.role # "Follower" \/ r \notin Voters(n1.log)
    THEN [e EXCEPT !.n = n1]
    ELSE Campaign(r, [e EXCEPT !.n = n1], TRUE)

\* A follower forwarded a client read.  The leader of the request's term takes
\* it (once; a duplicate is ignored); anyone else refuses it at once.
OnReadIndexReq(r, e, m) ==
    LET n1 == AtTerm(e.n, m.term) IN
    IF n1.role = "Leader" /\ m.term = n1.term
    THEN IF reads[m.id].lst = "none" THEN HoldRead(r, [e EXCEPT !.n = n1], m.id) ELSE [e EXCEPT !.n = n1]
    ELSE [e EXCEPT !.n = n1, !.out = {ReadResp(r, m.from, n1.term, m.id, FALSE, 0)}]

\* The answer to a forwarded read: accepted only by a node still in the term
\* it asked in and still waiting; a refusal changes nothing (the client's read
\* fails, FailRead).
OnReadIndexResp(r, e, m) ==
    IF m.ok /\ m.term = e.n.term /\ reads[m.id].node = r /\ reads[m.id].cst = "pending"
    THEN MaybeServeReads(r, [e EXCEPT !.rd[m.id].cst = "ready"])
    ELSE [e EXCEPT !.n = AtTerm(@, m.term)]

Handle(m) ==
    LET r == m.to
        e == Eff(node[r], {})
    IN CASE m.type = "PreVoteReq"    -> OnPreVoteReq(r, e, m)
         [] m.type = "PreVoteResp"   -> OnPreVoteResp(r, e, m)
         [] m.type = "VoteReq"       -> OnVoteReq(r, e, m)
         [] m.type = "VoteResp"      -> OnVoteResp(r, e, m)
         [] m.type = "AppendReq"     -> OnAppendReq(r, e, m)
         [] m.type = "AppendResp"    -> OnAppendResp(r, e, m)
         [] m.type = "Heartbeat"     -> OnHeartbeat(r, e, m)
         [] m.type = "HeartbeatResp" -> OnHeartbeatResp(r, e, m)
         [] m.type = "TimeoutNow"    -> OnTimeoutNow(r, e, m)
         [] m.type = "ReadIndexReq"  -> OnReadIndexReq(r, e, m)
         [] m.type = "ReadIndexResp" -> OnReadIndexResp(r, e, m)

\* Apply the effect of a step of node s; `consumed` leaves the network.
Apply(s, e, consumed) ==
    /\ node' = [node EXCEPT ![s] = e.n]
    /\ messages' = (messages \ consumed) \cup e.out
    /\ reads' = e.rd
    /\ committed' = e.cm
    /\ elected' = e.el
    /\ UNCHANGED restarts

-----------------------------------------------------------------------------
(* Network actions. *)

Receive(m) == Apply(m.to, Handle(m), {m})

\* Deliver a message and keep a copy in the network: a later duplicate.
ReceiveDup(m) == "dup" \in Features /\ Apply(m.to, Handle(m), {})

Drop(m) ==
    /\ "drop" \in Features
    /\ messages' = messages \ {m}
    /\ UNCHANGED <<node, committed, elected, reads, restarts>>

\* ContactExpires followed at once by the delivery of a message that observes
\* the lease: a pre-vote request, or a vote request of a higher term.  Next
\* uses this instead of ContactExpires: `heard` matters only to Timeout (which
\* includes the expiry) and to these deliveries, so expiring the lease at the
\* moment it is observed reaches the same states, without the intermediate
\* ones that differ only in `heard`.
ReceiveExpired(m) ==
    LET r == m.to IN
    /\ m.type = "PreVoteReq" \/ (m.type = "VoteReq" /\ m.term > node[r].term)
    /\ node[r].heard
    /\ node[r].role # "Leader"
    /\ LET e == Eff([node[r] EXCEPT !.heard = FALSE], {}) IN
       Apply(r, IF m.type = "PreVoteReq" THEN OnPreVoteReq(r, e, m) ELSE OnVoteReq(r, e, m), {m})

\* A follower whose log was compacted past an AppendEntries (or that receives
\* a snapshot it already covers) answers success at its commit index: its
\* committed prefix equals the leader's log (Leader Completeness).  The code
\* does this when prevIndex + len(entries) is at most its snapshot index,
\* which the spec does not model; allowing it whenever the request lies
\* within the commit index over-approximates.  The message is consumed, or
\* with `keep` left for a duplicate.
ReceiveCompacted(m, keep) ==
    LET r == m.to
        n == node[r]
        n1 == FollowSender(n, m)
    IN /\ "compacted" \in Features
       /\ keep => "dup" \in Features
       /\ m.type = "AppendReq"
       /\ m.term >= n.term
       /\ m.prevIndex + Len(m.entries) <= n.commit
       /\ Apply(r, Eff(n1, {AppendResp(r, m, n1.term, TRUE, n1.commit)}), IF keep THEN {} ELSE {m})

-----------------------------------------------------------------------------
(* Elections. *)

\* The abstract clock: the minimum election timeout elapsed without contact
\* from a leader.  From now on s may time out and grant (pre-)votes.  A leader
\* is its own current leader and stays sticky (see the module header).
ContactExpires(s) ==
    /\ node[s].heard
    /\ node[s].role # "Leader"
    /\ node' = [node EXCEPT ![s].heard = FALSE]
    /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

\* Election timeout: a voter that is not leader becomes pre-candidate and asks
\* for pre-votes for term + 1 without changing its term or vote.  The timer
\* is never shorter than the minimum election timeout, so the lease has
\* expired too (the step includes ContactExpires).
Timeout(s) ==
    LET n == node[s] IN
    /\ n.role # "Leader"
    /\ s \in Voters(n.log)
    /\ node' = [node EXCEPT ![s] = [AsFollower(n) EXCEPT !.role = "PreCandidate", !.votes = {s}, !.heard = FALSE]]
    /\ messages' = messages \cup
         {[type |-> "PreVoteReq", from |-> s, to |-> t, term |-> n.term + 1,
           lastLogTerm |-> LastTerm(n.log), lastLogIndex |-> Len(n.log)] : t \in Voters(n.log) \ {s}}
    /\ UNCHANGED <<committed, elected, reads, restarts>>

\* A majority of pre-votes (self included): campaign.  In the code this
\* happens inside the step that counts the deciding pre-vote; a separate step
\* only adds interleavings.
BecomeCandidate(s) ==
    /\ node[s].role = "PreCandidate"
    /\ IsQuorum(node[s].votes, Voters(node[s].log))
    /\ Apply(s, Campaign(s, Eff(node[s], {}), FALSE), {})

\* A (pre-)candidate that a majority refused returns to follower in its term
\* (the code's "pre-vote lost" / "election lost").  Refusals are not counted
\* here: giving up is safe at any moment, so the spec allows it at any moment.
AbandonCampaign(s) ==
    /\ node[s].role \in {"PreCandidate", "Candidate"}
    /\ node' = [node EXCEPT ![s] = StepDown(node[s])]
    /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

\* Check-quorum: at the end of each election timeout a leader that did not hear
\* from a majority of voters (itself included) steps down and stops being
\* sticky.  Abstraction: the model lets a window end at any moment, possibly
\* before any response could arrive, so a step-down is possible in every state
\* of a leader; it does not count responses.  Safety never relies on
\* check-quorum (Vaylix uses no leases).
CheckQuorumStepDown(s) ==
    /\ "checkquorum" \in Features
    /\ node[s].role = "Leader"
    /\ node' = [node EXCEPT ![s] = StepDown(node[s])]
    /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

-----------------------------------------------------------------------------
(* Replication. *)

\* A client write (a command entry), accepted only by a leader that is not
\* transferring leadership.
ClientWrite(s) ==
    LET n == node[s] IN
    /\ "writes" \in Features
    /\ n.role = "Leader"
    /\ n.transfer = Nil
    /\ node' = [node EXCEPT ![s].log = Append(n.log, [term |-> n.term, kind |-> "write", cfg |-> NoCfg])]
    /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

\* The node's log write finished: entries up to `upTo` are durable.
PersistLog(s, upTo) ==
    /\ node[s].synced < upTo
    /\ upTo <= Len(node[s].log)
    /\ node' = [node EXCEPT ![s].synced = upTo]
    /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

\* The leader commits the largest index it may (see CommitCandidates).  Newly
\* committed indexes enter the history with the term and voters they were
\* committed by.  Reads waiting for an entry of the term take the new commit
\* index as their read index.
AdvanceCommitIndex(s) ==
    LET n == node[s]
        C == CommitCandidates(s, n)
    IN /\ n.role = "Leader"
       /\ C # {}
       /\ LET N == Max(C)
              old == Len(committed)
              n1 == [n EXCEPT !.commit = N]
              Take(r) == IF r.lst = "waiting" /\ r.leader = s /\ r.term = n.term /\ n.log[N].term = n.term
                         THEN [r EXCEPT !.lst = "queued", !.readIndex = N] ELSE r
              e == [Eff(n1, {}) EXCEPT
                       !.cm = IF N <= old THEN @
                              ELSE @ \o [k \in 1..(N - old) |->
                                         [entry |-> n.log[old + k], term |-> n.term, voters |-> Voters(n.log)]],
                       !.rd = [i \in 1..Len(reads) |-> Take(reads[i])]]
          IN Apply(s, MaybeConfirmReads(s, e), {})

\* AppendEntries from leader l to member f: `k` entries after prevIndex `prev`,
\* leaderCommit `c` (at most the leader's commit index).  Arbitrary prev and k
\* cover probing, pipelining and retransmission; k = 0 is an empty probe.
SendAppend(l, f, prev, k, c) ==
    LET n == node[l] IN
    /\ n.role = "Leader"
    /\ f \in Members(n.log) \ {l}
    /\ prev \in 0..Len(n.log)
    /\ k \in 0..(Len(n.log) - prev)
    /\ c \in 0..n.commit
    /\ messages' = messages \cup
         {[type |-> "AppendReq", from |-> l, to |-> f, term |-> n.term, prevIndex |-> prev,
           prevTerm |-> TermAt(n.log, prev), entries |-> SubSeq(n.log, prev + 1, prev + k), commit |-> c]}
    /\ UNCHANGED <<node, committed, elected, reads, restarts>>

\* Heartbeat from leader l to member f: commit index capped at f's match
\* index, and the latest ReadIndex round.
SendHeartbeat(l, f) ==
    LET n == node[l] IN
    /\ n.role = "Leader"
    /\ f \in Members(n.log) \ {l}
    /\ messages' = messages \cup
         {[type |-> "Heartbeat", from |-> l, to |-> f, term |-> n.term,
           commit |-> Min2(n.match[f], n.commit), round |-> n.round]}
    /\ UNCHANGED <<node, committed, elected, reads, restarts>>

-----------------------------------------------------------------------------
(* Membership changes: one server at a time, through CONFIG entries that take *)
(* effect on each node when appended.                                        *)

ConfigChanges(cfg) ==
    {[voters |-> cfg.voters, learners |-> cfg.learners \cup {s}] :
        s \in Server \ (cfg.voters \cup cfg.learners)}                    \* add a learner
    \cup {[voters |-> cfg.voters \cup {s}, learners |-> cfg.learners \ {s}] :
        s \in cfg.learners}                                                \* promote a learner
    \cup {[voters |-> cfg.voters \ {s}, learners |-> cfg.learners \ {s}] :
        s \in {t \in cfg.voters \cup cfg.learners : cfg.voters # {t}}}     \* remove a server

\* Accepted only if (a) the leader has committed an entry of its term and (b)
\* no configuration entry in its log is uncommitted.  Promotion is allowed at
\* any time: "caught up" is a liveness rule, and allowing it earlier is safe.
\* The leader forgets the progress of a removed server.
ProposeConfig(s, newCfg) ==
    LET n == node[s]
        gone == Members(n.log) \ (newCfg.voters \cup newCfg.learners)
    IN /\ "config" \in Features
       /\ n.role = "Leader"
       /\ n.transfer = Nil
       /\ CommittedInTerm(n)
       /\ ConfigIndex(n.log) <= n.commit \/ Mutation = "TwoConfigChanges"
       /\ newCfg \in ConfigChanges(Config(n.log))
       /\ node' = [node EXCEPT ![s] = [n EXCEPT
              !.log = Append(n.log, [term |-> n.term, kind |-> "config", cfg |-> newCfg]),
              !.match = [t \in Server |-> IF t \in gone THEN 0 ELSE n.match[t]],
              !.ack = [t \in Server |-> IF t \in gone THEN 0 ELSE n.ack[t]]]]
       /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

\* A leader that removed itself steps down once that change is committed.
LeaderRemovedStepDown(s) ==
    LET n == node[s] IN
    /\ n.role = "Leader"
    /\ s \notin Voters(n.log)
    /\ ConfigIndex(n.log) <= n.commit
    /\ node' = [node EXCEPT ![s] = StepDown(n)]
    /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

-----------------------------------------------------------------------------
(* Leadership transfer. *)

\* The leader picks a target voter and stops accepting proposals.
TransferStart(s, t) ==
    LET n == node[s] IN
    /\ "transfer" \in Features
    /\ n.role = "Leader"
    /\ n.transfer = Nil
    /\ t \in Voters(n.log) \ {s}
    /\ node' = [node EXCEPT ![s].transfer = t]
    /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

\* Once the target's log matches the leader's, send it TimeoutNow.
SendTimeoutNow(s) ==
    LET n == node[s] IN
    /\ n.role = "Leader"
    /\ n.transfer # Nil
    /\ n.match[n.transfer] = Len(n.log)
    /\ messages' = messages \cup {[type |-> "TimeoutNow", from |-> s, to |-> n.transfer, term |-> n.term]}
    /\ UNCHANGED <<node, committed, elected, reads, restarts>>

\* The transfer did not finish within an election timeout.
TransferAbort(s) ==
    /\ node[s].role = "Leader"
    /\ node[s].transfer # Nil
    /\ node' = [node EXCEPT ![s].transfer = Nil]
    /\ UNCHANGED <<messages, committed, elected, reads, restarts>>

-----------------------------------------------------------------------------
(* Client reads.  A read records, when it begins, the index of the newest   *)
(* write committed anywhere so far (`begin`); when it is served, the index  *)
(* of the newest write the serving node has applied (`result`).  A node's   *)
(* applied index is its commit index, and serving happens as soon as the    *)
(* read may be served: later serving could only return newer writes.        *)

NewRead(s) == [id |-> Len(reads) + 1, node |-> s, begin |-> LastWriteFrom(CommittedEntries, Len(committed)),
               cst |-> "pending", lst |-> "none", leader |-> Nil, term |-> 0, readIndex |-> 0, round |-> 0,
               result |-> 0]

\* A client read at the leader.
ReadAtLeader(s) ==
    LET i == Len(reads) + 1 IN
    /\ "reads" \in Features
    /\ node[s].role = "Leader"
    /\ Apply(s, HoldRead(s, [Eff(node[s], {}) EXCEPT !.rd = Append(reads, NewRead(s))], i), {})

\* A client read at a non-leader: ask node t (the one it believes leads) for a read index.
ReadAtFollower(s, t) ==
    /\ "reads" \in Features
    /\ node[s].role # "Leader"
    /\ t # s
    /\ reads' = Append(reads, NewRead(s))
    /\ messages' = messages \cup {[type |-> "ReadIndexReq", from |-> s, to |-> t, term |-> node[s].term,
                                   id |-> Len(reads) + 1]}
    /\ UNCHANGED <<node, committed, elected, restarts>>

\* One heartbeat round for every read the leader queued since the previous
\* round (the code starts it when it hands out its next Ready); the round's
\* heartbeats are SendHeartbeat steps.
StartReadRound(s) ==
    LET n == node[s]
        Q == {i \in 1..Len(reads) : reads[i].lst = "queued" /\ reads[i].leader = s /\ reads[i].term = n.term}
        n1 == [n EXCEPT !.round = n.round + 1]
        e == [Eff(n1, {}) EXCEPT !.rd = [i \in 1..Len(reads) |->
                                           IF i \in Q THEN [reads[i] EXCEPT !.lst = "confirming", !.round = n1.round]
                                           ELSE reads[i]]]
    IN /\ n.role = "Leader"
       /\ Q # {}
       /\ Apply(s, MaybeConfirmReads(s, e), {})

\* The client gives up or the read fails (leadership lost, leader changed).
\* Failing is always safe, so any pending read may fail at any moment.  Never
\* needed to reach a state, so Next leaves it out; trace validation uses it.
FailRead(i) ==
    /\ reads[i].cst \in {"pending", "ready"}
    /\ reads' = [reads EXCEPT ![i].cst = "failed"]
    /\ UNCHANGED <<node, messages, committed, elected, restarts>>

\* A node that took a read as leader and is no longer leader of that term
\* fails it: a forwarded read gets a refusal.  Next leaves it out (refusals
\* only fail reads); trace validation uses it.
RejectRead(s, i) ==
    LET r == reads[i] IN
    /\ r.leader = s
    /\ r.lst \in {"waiting", "queued", "confirming"}
    /\ node[s].role # "Leader" \/ node[s].term # r.term
    /\ reads' = [reads EXCEPT ![i].lst = "rejected"]
    /\ messages' = IF r.node = s THEN messages
                   ELSE messages \cup {ReadResp(s, r.node, node[s].term, i, FALSE, 0)}
    /\ UNCHANGED <<node, committed, elected, restarts>>

-----------------------------------------------------------------------------
(* Crash and restart. *)

\* Term, vote and the synced log prefix survive; any prefix of the unsynced
\* tail may survive too (it was never acknowledged).  The commit index is
\* persisted only as an optimisation: the node restarts with any value it had
\* reached that its recovered log covers.  Everything else is volatile.
Restart(s, k, c) ==
    LET n == node[s] IN
    /\ "crash" \in Features
    /\ k \in (IF Mutation = "LoseSyncedOnCrash" THEN 0 ELSE n.synced)..Len(n.log)
    /\ c \in 0..Min2(n.commit, k)
    /\ node' = [node EXCEPT ![s] = [AsFollower(n) EXCEPT
                   !.log = SubSeq(n.log, 1, k), !.synced = k, !.commit = c, !.heard = FALSE, !.round = 0,
                   !.votedFor = IF Mutation = "ForgetVoteOnRestart" THEN Nil ELSE n.votedFor]]
    /\ restarts' = restarts + 1
    /\ UNCHANGED <<messages, committed, elected, reads>>

-----------------------------------------------------------------------------
(* Specification. *)

Init ==
    /\ node = [s \in Server |-> InitNode]
    /\ messages = {}
    /\ committed = <<>>
    /\ elected = {}
    /\ reads = <<>>
    /\ restarts = 0

\* Next lets every action fire with most of the freedom its guard allows.  To
\* keep bounded runs small it fixes a few free parameters whose other values
\* are either equivalent to a sequence of steps it does explore, or only
\* weaken what the receiver learns.  AppendEntries start right after the
\* follower's match index (as a leader probing or retransmitting does), or,
\* with the "pipeline" feature, anywhere after it (a leader's nextIndex never
\* falls below match + 1).  They carry as many entries as MaxBatch allows, and
\* the leader's current commit index; with "pipeline" also none (a probe).
\* Without it an empty AppendEntries at the match index is left out: it does
\* exactly what a heartbeat does (commit up to the match index; the answer
\* teaches the leader nothing).  A restart recovers
\* the commit index it had (persisting it is an optimisation; recovering less
\* only delays applying).  The lease expires where it is observed
\* (ReceiveExpired, Timeout) rather than as a step of its own (ContactExpires).
\* Trace validation calls the actions directly with the implementation's values.
\* The choices Next leaves to TLC, as named steps (so that coverage reports
\* them by name).
Replicate(l, f) ==
    \E prev \in IF "pipeline" \in Features THEN node[l].match[f]..Len(node[l].log) ELSE {node[l].match[f]} :
        \E k \in IF "pipeline" \in Features THEN {0, Min2(MaxBatch, Len(node[l].log) - prev)}
                  ELSE {Min2(MaxBatch, Len(node[l].log) - prev)} \ {0} :
            SendAppend(l, f, prev, k, node[l].commit)

Reconfigure(s) == "config" \in Features /\ \E cfg \in ConfigChanges(Config(node[s].log)) : ProposeConfig(s, cfg)

Crash(s) == "crash" \in Features /\ \E k \in 0..Len(node[s].log) : Restart(s, k, Min2(node[s].commit, k))

NetworkStep ==
    \E m \in messages : Receive(m) \/ ReceiveDup(m) \/ Drop(m) \/ ReceiveCompacted(m, FALSE) \/ ReceiveExpired(m)

Next ==
    \/ \E s \in Server :
        \/ Timeout(s) \/ BecomeCandidate(s) \/ AbandonCampaign(s)
        \/ CheckQuorumStepDown(s) \/ AdvanceCommitIndex(s)
        \/ ClientWrite(s) \/ PersistLog(s, Len(node[s].log)) \/ LeaderRemovedStepDown(s)
        \/ SendTimeoutNow(s) \/ TransferAbort(s) \/ ReadAtLeader(s) \/ StartReadRound(s)
        \/ Reconfigure(s) \/ Crash(s)
        \/ \E t \in Server : TransferStart(s, t) \/ ReadAtFollower(s, t) \/ SendHeartbeat(s, t) \/ Replicate(s, t)
    \/ NetworkStep

Spec == Init /\ [][Next]_vars

\* The bounds of a model-checking run (a TLC state constraint).  Messages with
\* a term above MaxTerm are cut too: they could only start elections beyond it.
StateBound ==
    /\ \A s \in Server : node[s].term <= MaxTerm /\ Len(node[s].log) <= MaxLogLen
    /\ Cardinality(messages) <= MaxMsgs
    /\ \A m \in messages : m.term <= MaxTerm
    /\ restarts <= MaxRestarts
    /\ Len(reads) <= MaxReads

-----------------------------------------------------------------------------
(* Types. *)

CfgType == [voters : SUBSET Server, learners : SUBSET Server]
EntryType == [term : Nat \ {0}, kind : {"noop", "write", "config"}, cfg : CfgType]

NodeType == [term : Nat, role : Roles, votedFor : Server \cup {Nil}, log : Seq(EntryType),
             synced : Nat, commit : Nat, votes : SUBSET Server, heard : BOOLEAN,
             match : [Server -> Nat], transfer : Server \cup {Nil},
             round : Nat, ack : [Server -> Nat]]

MessageType ==
    [type : {"PreVoteReq"}, from : Server, to : Server, term : Nat, lastLogTerm : Nat, lastLogIndex : Nat]
    \cup [type : {"PreVoteResp"}, from : Server, to : Server, term : Nat, granted : BOOLEAN]
    \cup [type : {"VoteReq"}, from : Server, to : Server, term : Nat, lastLogTerm : Nat,
          lastLogIndex : Nat, transfer : BOOLEAN]
    \cup [type : {"VoteResp"}, from : Server, to : Server, term : Nat, granted : BOOLEAN]
    \cup [type : {"AppendReq"}, from : Server, to : Server, term : Nat, prevIndex : Nat, prevTerm : Nat,
          entries : Seq(EntryType), commit : Nat]
    \cup [type : {"AppendResp"}, from : Server, to : Server, term : Nat, success : BOOLEAN, matchIndex : Nat]
    \cup [type : {"Heartbeat"}, from : Server, to : Server, term : Nat, commit : Nat, round : Nat]
    \cup [type : {"HeartbeatResp"}, from : Server, to : Server, term : Nat, round : Nat]
    \cup [type : {"TimeoutNow"}, from : Server, to : Server, term : Nat]
    \cup [type : {"ReadIndexReq"}, from : Server, to : Server, term : Nat, id : Nat \ {0}]
    \cup [type : {"ReadIndexResp"}, from : Server, to : Server, term : Nat, id : Nat \ {0}, ok : BOOLEAN,
          readIndex : Nat]

ReadType == [id : Nat \ {0}, node : Server, begin : Nat,
             cst : {"pending", "ready", "done", "failed"},
             lst : {"none", "waiting", "queued", "confirming", "confirmed", "rejected"},
             leader : Server \cup {Nil}, term : Nat, readIndex : Nat, round : Nat, result : Nat]

TypeOK ==
    /\ node \in [Server -> NodeType]
    /\ \A s \in Server : node[s].synced <= Len(node[s].log)
    /\ messages \subseteq MessageType
    /\ committed \in Seq([entry : EntryType, term : Nat, voters : SUBSET Server])
    /\ elected \subseteq (Nat \X Server)
    /\ reads \in Seq(ReadType)
    /\ \A i \in 1..Len(reads) : reads[i].id = i
    /\ restarts \in Nat

-----------------------------------------------------------------------------
(* Safety properties. *)

\* At most one leader per term, over the whole history.
ElectionSafety ==
    \A e1, e2 \in elected : e1[1] = e2[1] => e1[2] = e2[2]

\* Two logs holding an entry with the same index and term are identical up to it.
LogMatching ==
    \A s, t \in Server :
        \A i \in 1..Min2(Len(node[s].log), Len(node[t].log)) :
            node[s].log[i].term = node[t].log[i].term =>
                SubSeq(node[s].log, 1, i) = SubSeq(node[t].log, 1, i)

\* A leader of term T holds every entry committed in a term before T.
LeaderCompleteness ==
    \A s \in Server : node[s].role = "Leader" =>
        \A i \in 1..Len(committed) :
            committed[i].term < node[s].term =>
                i <= Len(node[s].log) /\ node[s].log[i] = committed[i].entry

\* Every node's applied prefix (commit index) is a prefix of the one committed
\* history: no two nodes, and no node at two moments, apply different entries
\* at one index.
StateMachineSafety ==
    \A s \in Server :
        \A i \in 1..node[s].commit :
            /\ i <= Len(committed)
            /\ i <= Len(node[s].log)
            /\ node[s].log[i] = committed[i].entry

\* Every entry ever committed is still durably stored (in the synced prefix) on
\* a majority of the voters of the configuration it was committed under.  In
\* Raft the set of durable copies of a committed entry only grows, so this must
\* hold at every moment, across crashes and truncations.
CommittedNeverLost ==
    \A i \in 1..Len(committed) :
        IsQuorum({s \in Server : /\ node[s].synced >= i
                                 /\ node[s].log[i] = committed[i].entry}, committed[i].voters)

\* A ReadIndex read returns a value at least as new as every write committed
\* (anywhere) before the read began.
ReadLinearizability ==
    \A i \in 1..Len(reads) : reads[i].cst = "done" => reads[i].result >= reads[i].begin

=============================================================================

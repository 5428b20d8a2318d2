---------------------------- MODULE VaylixRaftCore ----------------------------
(***************************************************************************)
(* Declarations and pure operators of VaylixRaft.tla (read that module's  *)
(* header first): constants, variables, values, log rules, node state      *)
(* transformers, the ReadIndex helpers, the commit rule, and the message   *)
(* handlers, which compute the effect of one node's step without taking    *)
(* it.  VaylixRaft.tla turns them into actions and defines Next and the    *)
(* invariants.                                                             *)
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

=============================================================================

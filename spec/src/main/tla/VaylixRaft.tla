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
EXTENDS VaylixRaftCore

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

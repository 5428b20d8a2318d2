----------------------------- MODULE MCMutation -----------------------------
(***************************************************************************)
(* Model-checking wrapper for the mutation runs (models/mutations): the    *)
(* spec with one known-bad rule switched on (constant Mutation), searched  *)
(* along a schedule.                                                       *)
(*                                                                         *)
(* A schedule names, step by step, the action and the server that takes   *)
(* it: "s1 times out", "s2 receives a VoteReq", "s1 sends s2 an            *)
(* AppendEntries".  TLC explores every behaviour of the mutated spec that  *)
(* follows it, choosing every other parameter itself (which message, which *)
(* prevIndex and how many entries, which configuration change, what a      *)
(* restart keeps), and checks every invariant in every state.  The         *)
(* schedules follow known counterexamples (thesis Figure 3.7 for the      *)
(* commit rule, ...), which exhaustive search would reach only after       *)
(* millions of states; a narrowed search still only explores behaviours of *)
(* the mutated spec, so any violation it finds is a real one.  The same   *)
(* schedule under Mutation = "none" finds no violation (MutationTest       *)
(* checks that too): the bad rule is what breaks the invariant.            *)
(***************************************************************************)
EXTENDS VaylixRaft

CONSTANT Schedule   \* a sequence of schedule steps (below)

VARIABLE sc         \* index in Schedule of the next step

mcVars == <<vars, sc>>

\* Servers are strings here so that schedules can name them.
MutationServers == {"s1", "s2", "s3"}

\* Schedule steps: action `a` taken by server `n`; `t` filters the type of the
\* message received, `to` names the destination of a send.
St(a, n) == [a |-> a, n |-> n, t |-> "", to |-> ""]
Rcv(n, t) == [a |-> "Receive", n |-> n, t |-> t, to |-> ""]
App(n, to) == [a |-> "Append", n |-> n, t |-> "", to |-> to]
Hb(n, to) == [a |-> "Heartbeat", n |-> n, t |-> "", to |-> to]

\* A delivery to n of a message of type t; a lease that must have expired for
\* it (pre-vote, higher-term vote request) may expire just before.
DeliverTo(n, t) ==
    \E m \in messages : m.to = n /\ m.type = t /\ (Receive(m) \/ ReceiveExpired(m))

Matches(x) ==
    CASE x.a = "Timeout"         -> Timeout(x.n)
      [] x.a = "BecomeCandidate" -> BecomeCandidate(x.n)
      [] x.a = "Receive"         -> DeliverTo(x.n, x.t)
      [] x.a = "Write"           -> ClientWrite(x.n)
      [] x.a = "Persist"         -> PersistLog(x.n, Len(node[x.n].log))
      [] x.a = "Commit"          -> AdvanceCommitIndex(x.n)
      [] x.a = "Append"          ->
            \E prev \in 0..Len(node[x.n].log) :
                \E k \in 0..(Len(node[x.n].log) - prev) : SendAppend(x.n, x.to, prev, k, node[x.n].commit)
      [] x.a = "Heartbeat"       -> SendHeartbeat(x.n, x.to)
      [] x.a = "Restart"         ->
            \E k \in 0..Len(node[x.n].log) : \E c \in 0..node[x.n].commit : Restart(x.n, k, c)
      [] x.a = "Config"          -> \E cfg \in ConfigChanges(Config(node[x.n].log)) : ProposeConfig(x.n, cfg)
      [] x.a = "Read"            -> ReadAtLeader(x.n)
      [] x.a = "Round"           -> StartReadRound(x.n)
      [] x.a = "StepDown"        -> CheckQuorumStepDown(x.n)

MCInit == Init /\ sc = 1

MCNext == sc <= Len(Schedule) /\ Matches(Schedule[sc]) /\ sc' = sc + 1

\* An election of n by voter v: pre-vote, campaign, vote.
Elect(n, v) == << St("Timeout", n), Rcv(v, "PreVoteReq"), Rcv(n, "PreVoteResp"),
                  St("BecomeCandidate", n), Rcv(v, "VoteReq"), Rcv(n, "VoteResp") >>

\* n replicates to f what it chooses and commits once f acknowledges.
ReplicateCommit(n, f) == << App(n, f), Rcv(f, "AppendReq"), Rcv(n, "AppendResp"), St("Persist", n), St("Commit", n) >>

-----------------------------------------------------------------------------
(* Schedules.  Each is the shape of a counterexample to one rule. *)

\* Two candidates of term 1 asking s3, which votes for both.
SchedVoteTwice ==
    << St("Timeout", "s1"), Rcv("s3", "PreVoteReq"), Rcv("s1", "PreVoteResp"), St("BecomeCandidate", "s1"),
       St("Timeout", "s2"), Rcv("s3", "PreVoteReq"), Rcv("s2", "PreVoteResp"), St("BecomeCandidate", "s2"),
       Rcv("s3", "VoteReq"), Rcv("s3", "VoteReq"), Rcv("s1", "VoteResp"), Rcv("s2", "VoteResp") >>

\* The same, with s3 restarting between its two votes.
SchedForgetVote ==
    << St("Timeout", "s1"), Rcv("s3", "PreVoteReq"), Rcv("s1", "PreVoteResp"), St("BecomeCandidate", "s1"),
       St("Timeout", "s2"), Rcv("s3", "PreVoteReq"), Rcv("s2", "PreVoteResp"), St("BecomeCandidate", "s2"),
       Rcv("s3", "VoteReq"), St("Restart", "s3"), Rcv("s3", "VoteReq"), Rcv("s1", "VoteResp"), Rcv("s2", "VoteResp") >>

\* s3 passes its pre-vote for term 2 while s2's log is still empty, then the
\* term-1 leader commits its no-op through s2, then s2 votes for s3.
SchedStaleCandidate ==
    Elect("s1", "s2") \o
    << Rcv("s3", "VoteReq"), St("Timeout", "s3"), Rcv("s2", "PreVoteReq"), Rcv("s3", "PreVoteResp"),
       St("BecomeCandidate", "s3") >> \o
    ReplicateCommit("s1", "s2") \o
    << Rcv("s2", "VoteReq"), Rcv("s3", "VoteResp") >>

\* Thesis Figure 3.7 with three servers: s1 (term 1) and s3 (term 2) lead
\* without replicating; s1 leads term 3, replicates its term-1 entry to s2 and
\* (wrongly) commits it by counting; s3 then wins term 4 with s2's vote and
\* lacks the committed entry.
SchedFigure8 ==
    Elect("s1", "s2") \o
    << Rcv("s3", "VoteReq") >> \o Elect("s3", "s2") \o
    << St("StepDown", "s1"), Rcv("s1", "VoteReq") >> \o Elect("s1", "s2") \o
    ReplicateCommit("s1", "s2") \o
    << St("StepDown", "s3"), Rcv("s3", "VoteReq") >> \o Elect("s3", "s2")

\* s2 gets both entries, commits through s1, then a stale one-entry batch arrives.
SchedStaleBatch ==
    Elect("s1", "s2") \o
    << St("Write", "s1"), App("s1", "s2"), App("s1", "s2"), Rcv("s2", "AppendReq"), Rcv("s1", "AppendResp"),
       St("Persist", "s1"), St("Commit", "s1"), Rcv("s2", "AppendReq") >>

\* s3 leads term 2 with its own entries and sends s1 (term-1 entries) an
\* AppendEntries whose prevTerm does not match.
SchedMismatchedPrev ==
    Elect("s1", "s2") \o
    << Rcv("s3", "VoteReq") >> \o Elect("s3", "s2") \o
    << St("Write", "s3"), App("s3", "s1"), Rcv("s1", "AppendReq") >>

\* s2 keeps an uncommitted entry of term 1 that the leader lost in a crash;
\* the term-2 leader commits another entry at that index and then sends s2 an
\* AppendEntries of its choice.
SchedStaleSuffix ==
    Elect("s1", "s2") \o
    << St("Persist", "s1"), St("Write", "s1"), App("s1", "s3"), Rcv("s3", "AppendReq"),
       App("s1", "s2"), Rcv("s2", "AppendReq"), St("Restart", "s1") >> \o
    Elect("s3", "s1") \o ReplicateCommit("s3", "s1") \o
    << App("s3", "s2"), Rcv("s2", "AppendReq") >>

\* The leader counts itself before its write is durable.
SchedEarlyCommit ==
    Elect("s1", "s2") \o << App("s1", "s2"), Rcv("s2", "AppendReq"), Rcv("s1", "AppendResp"), St("Commit", "s1") >>

\* A committed entry, then a restart of s2.
SchedRestartAfterCommit ==
    Elect("s1", "s2") \o ReplicateCommit("s1", "s2") \o << St("Restart", "s2") >>

\* A read at the deposed leader s1 after the term-2 leader committed a write.
SchedDeposedRead ==
    Elect("s1", "s2") \o ReplicateCommit("s1", "s2") \o << App("s1", "s3"), Rcv("s3", "AppendReq") >> \o
    Elect("s3", "s2") \o << St("Write", "s3") >> \o ReplicateCommit("s3", "s2") \o
    << St("Read", "s1"), St("Round", "s1") >>

\* A read at a new leader that has not committed an entry of its term: its
\* commit index lags the write the previous leader committed.
SchedEarlyRead ==
    Elect("s1", "s2") \o << St("Write", "s1") >> \o ReplicateCommit("s1", "s2") \o
    Elect("s2", "s3") \o
    << St("Read", "s2"), St("Round", "s2"), Hb("s2", "s3"), Rcv("s3", "Heartbeat"), Rcv("s2", "HeartbeatResp") >>

\* Two removals in flight: s1 alone commits them; s2 and s3, still in the old
\* configuration, elect s2 without them.
SchedTwoChanges ==
    Elect("s1", "s2") \o ReplicateCommit("s1", "s2") \o
    << St("Config", "s1"), St("Config", "s1"), St("Persist", "s1"), St("Commit", "s1") >> \o
    Elect("s2", "s3")
=============================================================================

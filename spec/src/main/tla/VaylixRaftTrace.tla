--------------------------- MODULE VaylixRaftTrace ---------------------------
(***************************************************************************)
(* Trace validation: is a recorded run of the implementation a behaviour  *)
(* of VaylixRaft?  The standard pattern: a variable `tl` indexes the trace *)
(* and every step must be the spec action that the event at Trace[tl]      *)
(* names, with the event's parameters, and must leave the acting node in   *)
(* the state the event's optional `post` record reports.  The trace is    *)
(* accepted iff some behaviour matches every event, i.e. iff a state with  *)
(* tl = Len(Trace) + 1 is reachable; the step reaching it prints           *)
(* AcceptedMarker (an invariant violation would make TLC print the whole   *)
(* run, tens of megabytes).  If no such state exists, the deepest reachable *)
(* tl is the first event that no behaviour can explain.                    *)
(*                                                                         *)
(* The event format is TRACE_FORMAT.md; the generator                      *)
(* (dev.vaylix.spec.trace.TraceModuleWriter) turns a JSON-lines trace into *)
(* the module TraceData (the events as TraceLog) and a .cfg for this       *)
(* module that sets Server and InitVoters.  Messages in events are already *)
(* records of the spec's message shapes.                                   *)
(*                                                                         *)
(* Run with every feature on, Mutation = "none" and no state constraint.   *)
(* A delivery consumes its message only if the trace never uses it again   *)
(* (the generator marks it); otherwise a copy stays for a later duplicate. *)
(* Messages sent and never delivered are removed by generated "discard"    *)
(* steps after their last use, so the network holds what is in flight.    *)
(***************************************************************************)
EXTENDS VaylixRaft, TraceData

\* The events, Trace[1] being the first event after the "init" header.  The
\* generated module TraceData defines TraceLog (a definition, not a constant:
\* TLC evaluates it once).
Trace == TraceLog

VARIABLE tl      \* index in Trace of the next event to explain

traceVars == <<node, messages, committed, elected, reads, restarts, tl>>

Has(r, f) == f \in DOMAIN r

\* The configuration after applying a change of the trace vocabulary.
Changed(cfg, change, s) ==
    CASE change = "add_learner" -> [voters |-> cfg.voters, learners |-> cfg.learners \cup {s}]
      [] change = "promote"     -> [voters |-> cfg.voters \cup {s}, learners |-> cfg.learners \ {s}]
      [] change = "remove"      -> [voters |-> cfg.voters \ {s}, learners |-> cfg.learners \ {s}]

\* A checkpoint event: the implementation reports a transition that the spec
\* performs inside the step that triggers it (winning an election, a read's
\* index arriving), or a message it sent that a handler produced.  It must
\* already hold.
Check(cond) == cond /\ UNCHANGED vars

\* Messages the trace never uses again leave the network (Drop, for a set of
\* messages): the generator adds these steps to keep the state small.
Discard(ms) ==
    /\ ms \subseteq messages
    /\ messages' = messages \ ms
    /\ UNCHANGED <<node, committed, elected, reads, restarts>>

\* The step an event stands for.  A few events are accepted as no-ops where
\* the implementation reports something the spec already did or never needs
\* (TRACE_FORMAT.md, "Leniencies").
Step(e) ==
    CASE e.action = "contact_expired" ->
            IF node[e.node].heard /\ node[e.node].role # "Leader"
            THEN ContactExpires(e.node) ELSE UNCHANGED vars
      [] e.action = "timeout"          -> Timeout(e.node)
      [] e.action = "become_candidate" -> BecomeCandidate(e.node)
      [] e.action = "become_leader"    -> Check(node[e.node].role = "Leader")
      [] e.action = "abandon_campaign" -> AbandonCampaign(e.node)
      [] e.action = "check_quorum_step_down" -> CheckQuorumStepDown(e.node)
      [] e.action = "step_down_removed" -> LeaderRemovedStepDown(e.node)
      [] e.action = "client_write"     -> ClientWrite(e.node)
      [] e.action = "persist" ->
            IF e.index > node[e.node].synced THEN PersistLog(e.node, e.index)
            ELSE e.index <= Len(node[e.node].log) /\ UNCHANGED vars
      [] e.action = "advance_commit"   -> AdvanceCommitIndex(e.node) /\ node'[e.node].commit = e.commit
      [] e.action = "send_append" ->
            /\ SendAppend(e.node, e.msg.to, e.msg.prevIndex, Len(e.msg.entries), e.msg.commit)
            /\ e.msg \in messages'
      [] e.action = "send_heartbeat"   -> SendHeartbeat(e.node, e.msg.to) /\ e.msg \in messages'
      [] e.action = "send_timeout_now" -> SendTimeoutNow(e.node) /\ e.msg \in messages'
      [] e.action = "sent"             -> Check(e.msg \in messages)
      [] e.action = "receive" ->
            e.msg \in messages /\ IF e.consume THEN Receive(e.msg) ELSE ReceiveDup(e.msg)
      [] e.action = "receive_compacted" -> e.msg \in messages /\ ReceiveCompacted(e.msg, ~e.consume)
      [] e.action = "discard"          -> Discard(e.msgs)
      [] e.action = "propose_config"   ->
            ProposeConfig(e.node, Changed(Config(node[e.node].log), e.change, e.server))
      [] e.action = "transfer_start"   -> TransferStart(e.node, e.target)
      [] e.action = "transfer_abort"   -> TransferAbort(e.node)
      [] e.action = "read_begin"       -> e.id = Len(reads) + 1 /\ ReadAtLeader(e.node)
      [] e.action = "read_forward"     -> e.id = Len(reads) + 1 /\ ReadAtFollower(e.node, e.to)
      [] e.action = "read_round"       -> StartReadRound(e.node)
      [] e.action = "read_ready"       ->
            Check(reads[e.id].node = e.node /\ reads[e.id].cst \in {"ready", "done"})
      [] e.action = "read_reject"      -> RejectRead(e.node, e.id)
      [] e.action = "read_fail"        -> FailRead(e.id)
      [] e.action = "restart"          -> Restart(e.node, e.logLen, e.commit)

\* The acting node's state after the step agrees with every field the event reports.
PostOk(e) ==
    Has(e, "post") =>
        LET p == e.post
            n == node'[e.node]
        IN /\ Has(p, "term")     => n.term = p.term
           /\ Has(p, "role")     => n.role = p.role
           /\ Has(p, "votedFor") => n.votedFor = IF p.votedFor = "" THEN Nil ELSE p.votedFor
           /\ Has(p, "commit")   => n.commit = p.commit
           /\ Has(p, "logLen")   => Len(n.log) = p.logLen
           /\ Has(p, "lastTerm") => LastTerm(n.log) = p.lastTerm
           /\ Has(p, "synced")   => n.synced = p.synced

AcceptedMarker == "VAYLIX-TRACE-ACCEPTED"

TraceInit == Init /\ tl = 1 /\ (Len(Trace) = 0 => PrintT(AcceptedMarker))

TraceNext ==
    /\ tl <= Len(Trace)
    /\ Step(Trace[tl])
    /\ PostOk(Trace[tl])
    /\ tl' = tl + 1
    /\ (tl = Len(Trace) => PrintT(AcceptedMarker))

TraceSpec == TraceInit /\ [][TraceNext]_traceVars

\* Used on a rejected trace to print the behaviour that explains the longest prefix.
TraceBelow(k) == tl < k

=============================================================================

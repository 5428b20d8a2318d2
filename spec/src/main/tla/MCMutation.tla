----------------------------- MODULE MCMutation -----------------------------
(***************************************************************************)
(* Model-checking wrapper for the mutation runs (models/mutations): the    *)
(* spec with one known-bad rule switched on (constant Mutation), and an    *)
(* optional election plan that narrows the search to the elections a known *)
(* counterexample needs.  A narrowed search still only explores behaviours *)
(* of the (mutated) spec, so any violation it finds is a real one; the plan *)
(* only makes deep counterexamples cheap to reach.                         *)
(***************************************************************************)
EXTENDS VaylixRaft

\* ElectionPlan[t] is the only server allowed to campaign for term t; terms
\* beyond the plan's length are unrestricted.  The .cfg files substitute one
\* of the plans below (TLC configuration files cannot write tuples).
CONSTANT ElectionPlan

\* Servers are strings here so that plans can name them.
MutationServers == {"s1", "s2", "s3"}

NoPlan == <<>>
PlanS1 == <<"s1">>
PlanS1S2 == <<"s1", "s2">>
PlanS1S3 == <<"s1", "s3">>
PlanS1S2S1S2 == <<"s1", "s2", "s1", "s2">>

Planned(t, s) == t > Len(ElectionPlan) \/ ElectionPlan[t] = s

PlannedElections ==
    \A s \in Server :
        /\ node[s].role = "PreCandidate" => Planned(node[s].term + 1, s)
        /\ node[s].role = "Candidate" => Planned(node[s].term, s)
=============================================================================

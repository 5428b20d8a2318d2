---------------------------- MODULE MCVaylixRaft ----------------------------
(***************************************************************************)
(* Model-checking wrapper of VaylixRaft: symmetry sets for the configs in  *)
(* models/.  Both are sound: the spec never distinguishes servers by name  *)
(* except through InitVoters, which each group preserves.  No VIEW is      *)
(* used: every variable steers behaviour, bounds the run or feeds an       *)
(* invariant, so no abstraction of the state is exact.                     *)
(***************************************************************************)
EXTENDS VaylixRaft

\* Every server is interchangeable when the bootstrap configuration holds them all.
ServerSymmetry == Permutations(Server)

\* When only InitVoters bootstrap, voters and non-members are interchangeable
\* among themselves: the group is the product of the two permutation groups.
SplitSymmetry ==
    {p @@ q : p \in Permutations(InitVoters), q \in Permutations(Server \ InitVoters)}
=============================================================================

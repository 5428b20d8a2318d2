---------------------------- MODULE MCVaylixRaft ----------------------------
(***************************************************************************)
(* Model-checking wrapper of VaylixRaft: symmetry sets for the configs in  *)
(* models/.  See README.md, "Symmetry and views", for why each is sound.   *)
(***************************************************************************)
EXTENDS VaylixRaft

\* Every server is interchangeable when the bootstrap configuration holds them all.
ServerSymmetry == Permutations(Server)

\* When only InitVoters bootstrap, voters and non-members are interchangeable
\* among themselves: the group is the product of the two permutation groups.
SplitSymmetry ==
    {p @@ q : p \in Permutations(InitVoters), q \in Permutations(Server \ InitVoters)}
=============================================================================

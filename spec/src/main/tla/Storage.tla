------------------------------- MODULE Storage -------------------------------
(***************************************************************************)
(* The snapshot and recovery protocol of one node's data directory        *)
(* (DESIGN.md s3 "Snapshots and compaction" and "Recovery"), with a crash *)
(* possible between any two steps.                                         *)
(*                                                                         *)
(* Files.  The log is a sequence of segment files; only the last (active)  *)
(* one can hold unsynced records, because rotation syncs a segment before  *)
(* sealing it.  A snapshot of the applied state at index S is written to a *)
(* temp file, fsynced, renamed to its final name snap-<S> and the          *)
(* directory fsynced; then the manifest (which names the current snapshot) *)
(* is replaced the same way (temp, fsync, rename, directory fsync); only   *)
(* then may sealed segments wholly at or below S and older snapshot files  *)
(* be deleted.  Temp files are ignored (and removed) at startup.           *)
(*                                                                         *)
(* File-system model.  Data written but not fsynced may be lost on a crash,*)
(* keeping any prefix (a torn record is detected by its checksum and cut   *)
(* off, so it is equivalent to a shorter prefix).  A rename is durable     *)
(* only after the directory is fsynced; until then a crash may undo it,    *)
(* and pending renames are undone independently of each other (POSIX      *)
(* promises no order).  A renamed file whose data was not fsynced may come *)
(* back torn.  Deletions are modelled as durable at once (unlink followed   *)
(* by a directory fsync); an undone deletion would only bring back a       *)
(* segment that recovery skips anyway.                                     *)
(*                                                                         *)
(* Recovery: manifest -> the snapshot it names (checksum verified) ->      *)
(* replay only log entries after the snapshot index -> check that they are *)
(* contiguous from snapshot index + 1 (fail closed on a gap).  The         *)
(* reference implementation re-applies entries the snapshot already holds  *)
(* (STORAGE.md Note 1), accepts gaps (Note 2) and keeps a single           *)
(* snapshot.bin whose crash window leaves a snapshot/manifest mismatch     *)
(* (Note 3); the mutations below reproduce those bugs.                      *)
(*                                                                         *)
(* An entry is identified by its index; which entry a Raft log holds at an *)
(* index is VaylixRaft's concern, not this module's.                       *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    MaxIndex,    \* entries 1..MaxIndex may be appended
    SegCap,      \* entries per segment before rotation
    MaxCrashes,  \* crash+recover steps (bounded by StateBound)
    Mutation     \* "none" or one of MutationNames

MutationNames == {
    "none",
    "ReplayCoveredEntries",          \* recovery replays entries the snapshot holds (Note 1)
    "DropBeforeManifestDurable",     \* delete covered segments before the new manifest is durable
    "SkipSnapshotFsync",             \* rename the snapshot temp file without fsyncing it
    "ManifestBeforeSnapshotDirSync", \* write the manifest before the snapshot rename is durable
    "SingleSnapshotFile",            \* one snapshot.bin replaced in place and checked against the manifest (Note 3)
    "AckBeforeSync"                  \* report an append durable before the segment is fsynced
}

ASSUME Mutation \in MutationNames
ASSUME MaxIndex \in Nat /\ SegCap \in Nat \ {0} /\ MaxCrashes \in Nat

VARIABLES
    segs,      \* segment files in index order: [start, n (records written), synced (records durable)]
    appended,  \* last index appended to the log
    applied,   \* last index applied to the engine (volatile)
    acked,     \* history: highest index ever reported durable to the caller
    phase,     \* step of the snapshot procedure in progress ("idle" if none)
    pending,   \* index of the snapshot being written (0 if none)
    tmp,       \* snapshot temp file [idx, synced], or NoFile
    snaps,     \* snapshot files under their final name: [idx, synced, durableName]
    mVisible,  \* manifest as a reader would see it now: [snap, synced]
    mDurable,  \* manifest content bound to the name durably
    mTmp,      \* manifest temp file [snap, synced], or NoFile
    crashes,   \* crash+recover steps taken
    recovery   \* outcome of the latest recovery (history)

vars == <<segs, appended, applied, acked, phase, pending, tmp, snaps, mVisible, mDurable,
          mTmp, crashes, recovery>>

NoFile == [idx |-> 0, synced |-> FALSE]
NoManifest == [snap |-> 0, synced |-> FALSE]
NoRecovery == [done |-> FALSE, ok |-> TRUE, upTo |-> 0, acked |-> 0, doubles |-> FALSE]

Max(S) == CHOOSE x \in S : \A y \in S : y <= x
Active == segs[Len(segs)]
LastOf(seg) == seg.start + seg.n - 1
Single == Mutation = "SingleSnapshotFile"

Phases == {"idle", "tmp", "tmpSynced", "renamed", "dirSynced", "mtmp", "mtmpSynced", "mrenamed"}

-----------------------------------------------------------------------------
(* The log. *)

\* Append the next entry to the active segment (buffered, not yet durable).
AppendEntry ==
    /\ recovery.ok
    /\ appended < MaxIndex
    /\ Active.n < SegCap
    /\ segs' = [segs EXCEPT ![Len(segs)].n = @ + 1]
    /\ appended' = appended + 1
    /\ acked' = IF Mutation = "AckBeforeSync" THEN appended + 1 ELSE acked
    /\ UNCHANGED <<applied, phase, pending, tmp, snaps, mVisible, mDurable, mTmp, crashes, recovery>>

\* Group commit: fsync the active segment, then report everything appended durable.
SyncLog ==
    /\ recovery.ok
    /\ Active.synced < Active.n
    /\ segs' = [segs EXCEPT ![Len(segs)].synced = Active.n]
    /\ acked' = appended
    /\ UNCHANGED <<appended, applied, phase, pending, tmp, snaps, mVisible, mDurable, mTmp, crashes, recovery>>

\* Seal a full, synced segment and start a new active one (file and directory
\* fsynced before any record goes into it).
Rotate ==
    /\ recovery.ok
    /\ Active.n = SegCap
    /\ Active.synced = SegCap
    /\ segs' = Append(segs, [start |-> appended + 1, n |-> 0, synced |-> 0])
    /\ UNCHANGED <<appended, applied, acked, phase, pending, tmp, snaps, mVisible, mDurable, mTmp, crashes, recovery>>

\* The engine applies the next entry (Raft applies committed entries, which
\* may not be durable in this node's own log yet).
ApplyEntry ==
    /\ recovery.ok
    /\ applied < appended
    /\ applied' = applied + 1
    /\ UNCHANGED <<segs, appended, acked, phase, pending, tmp, snaps, mVisible, mDurable, mTmp, crashes, recovery>>

-----------------------------------------------------------------------------
(* The snapshot procedure, one step per action. *)

UnchangedLog == UNCHANGED <<segs, appended, applied, acked, crashes, recovery>>

\* 1. Serialise the state at the applied index into the temp file.
SnapWriteTemp ==
    /\ recovery.ok
    /\ phase = "idle"
    /\ applied > mVisible.snap
    /\ tmp' = [idx |-> applied, synced |-> FALSE]
    /\ pending' = applied
    /\ phase' = "tmp"
    /\ UnchangedLog /\ UNCHANGED <<snaps, mVisible, mDurable, mTmp>>

\* 2. fsync the temp file.
SnapSyncTemp ==
    /\ phase = "tmp"
    /\ tmp' = [tmp EXCEPT !.synced = TRUE]
    /\ phase' = "tmpSynced"
    /\ UnchangedLog /\ UNCHANGED <<pending, snaps, mVisible, mDurable, mTmp>>

\* 3. Rename it to its final name (not durable until the directory is fsynced).
\* With SingleSnapshotFile the final name is always snapshot.bin, so the rename
\* replaces the previous snapshot (even assuming the replacement is durable at
\* once, the manifest still names the old one until step 7).
SnapRename ==
    /\ phase = "tmpSynced" \/ (Mutation = "SkipSnapshotFsync" /\ phase = "tmp")
    /\ snaps' = IF Single THEN {[idx |-> tmp.idx, synced |-> tmp.synced, durableName |-> TRUE]}
                ELSE snaps \cup {[idx |-> tmp.idx, synced |-> tmp.synced, durableName |-> FALSE]}
    /\ tmp' = NoFile
    /\ phase' = "renamed"
    /\ UnchangedLog /\ UNCHANGED <<pending, mVisible, mDurable, mTmp>>

\* A directory fsync makes every pending rename in the data directory durable.
DirSynced(files) == {[f EXCEPT !.durableName = TRUE] : f \in files}

\* 4. fsync the directory.
SnapSyncDir ==
    /\ phase = "renamed"
    /\ snaps' = DirSynced(snaps)
    /\ mDurable' = mVisible
    /\ phase' = "dirSynced"
    /\ UnchangedLog /\ UNCHANGED <<pending, tmp, mVisible, mTmp>>

\* 5. Write the new manifest, naming snapshot `pending`, to its temp file.
ManifestWriteTemp ==
    /\ phase = "dirSynced" \/ (Mutation = "ManifestBeforeSnapshotDirSync" /\ phase = "renamed")
    /\ mTmp' = [snap |-> pending, synced |-> FALSE]
    /\ phase' = "mtmp"
    /\ UnchangedLog /\ UNCHANGED <<pending, tmp, snaps, mVisible, mDurable>>

\* 6. fsync the manifest temp file.
ManifestSyncTemp ==
    /\ phase = "mtmp"
    /\ mTmp' = [mTmp EXCEPT !.synced = TRUE]
    /\ phase' = "mtmpSynced"
    /\ UnchangedLog /\ UNCHANGED <<pending, tmp, snaps, mVisible, mDurable>>

\* 7. Rename it over the manifest.
ManifestRename ==
    /\ phase = "mtmpSynced"
    /\ mVisible' = mTmp
    /\ mTmp' = NoManifest
    /\ phase' = "mrenamed"
    /\ UnchangedLog /\ UNCHANGED <<pending, tmp, snaps, mDurable>>

\* 8. fsync the directory: the new snapshot is now the recovery point.
ManifestSyncDir ==
    /\ phase = "mrenamed"
    /\ mDurable' = mVisible
    /\ snaps' = DirSynced(snaps)
    /\ phase' = "idle"
    /\ pending' = 0
    /\ UnchangedLog /\ UNCHANGED <<tmp, mVisible, mTmp>>

\* 9. Prefix drop: delete the oldest sealed segment if the durable snapshot
\* covers it wholly.  Allowed at any later time; not doing it is retention.
DropSegment ==
    LET covered == IF Mutation = "DropBeforeManifestDurable"
                      /\ phase \in {"dirSynced", "mtmp", "mtmpSynced", "mrenamed"}
                   THEN pending ELSE mDurable.snap
    IN /\ recovery.ok
       /\ Len(segs) > 1
       /\ LastOf(segs[1]) <= covered
       /\ segs' = Tail(segs)
       /\ UNCHANGED <<appended, applied, acked, phase, pending, tmp, snaps, mVisible, mDurable, mTmp, crashes, recovery>>

\* Delete a snapshot file older than the durable one.
DropSnapshot ==
    /\ recovery.ok
    /\ \E f \in snaps :
        /\ f.idx < mDurable.snap
        /\ snaps' = snaps \ {f}
    /\ UNCHANGED <<segs, appended, applied, acked, phase, pending, tmp, mVisible, mDurable, mTmp, crashes, recovery>>

-----------------------------------------------------------------------------
(* Crash and recovery. *)

\* What the disk may hold after a crash.
SegOutcomes ==
    {[i \in 1..Len(segs) |-> [start |-> segs[i].start, n |-> f[i]]] :
        f \in {g \in [1..Len(segs) -> 0..SegCap] : \A i \in 1..Len(segs) : segs[i].synced <= g[i] /\ g[i] <= segs[i].n}}

SnapOutcomes ==
    LET Fate == {g \in [snaps -> {"absent", "intact", "torn"}] :
                    \A f \in snaps : /\ g[f] = "absent" => ~f.durableName
                                     /\ g[f] = "torn" => ~f.synced}
    IN {{[idx |-> f.idx, intact |-> g[f] = "intact"] : f \in {h \in snaps : g[h] # "absent"}} : g \in Fate}

ManifestOutcomes ==
    UNION {{[snap |-> m.snap, intact |-> ok] : ok \in IF m.synced THEN {TRUE} ELSE BOOLEAN} :
           m \in {mDurable, mVisible}}

\* Recovery from one outcome: the result and the state the node resumes with.
Recover(segsC, snapsC, mC) ==
    LET S == mC.snap
        Entries == UNION {s.start..(s.start + s.n - 1) : s \in {segsC[i] : i \in 1..Len(segsC)}}
        After == {i \in Entries : i > S}
        L == IF After = {} THEN S ELSE Max(After)
        snapOk == S = 0 \/ \E f \in snapsC : f.idx = S /\ f.intact
        contiguous == After = (S + 1)..L
        Replayed == IF Mutation = "ReplayCoveredEntries" THEN Entries ELSE After
        \* Segments that still hold records, with torn tails cut off (all durable now).
        kept == SelectSeq([i \in 1..Len(segsC) |-> [start |-> segsC[i].start, n |-> segsC[i].n,
                                                     synced |-> segsC[i].n]], LAMBDA s : s.n > 0)
        resumed == IF kept # <<>> /\ LastOf(kept[Len(kept)]) = L THEN kept
                   ELSE Append(kept, [start |-> L + 1, n |-> 0, synced |-> 0])
    IN [ok |-> mC.intact /\ snapOk /\ contiguous,
        upTo |-> L,
        doubles |-> Replayed \cap 1..S # {},
        segs |-> resumed]

\* Crash at any point, then recover.  Recovery is one step: it only reads, cuts
\* torn tails and deletes temp files, all idempotent, so a crash during
\* recovery is a crash before it.
CrashAndRecover ==
    /\ recovery.ok
    /\ \E segsC \in SegOutcomes, snapsC \in SnapOutcomes, mC \in ManifestOutcomes :
        LET r == Recover(segsC, snapsC, mC) IN
        /\ recovery' = [done |-> TRUE, ok |-> r.ok, upTo |-> r.upTo, acked |-> acked, doubles |-> r.doubles]
        /\ segs' = r.segs
        /\ appended' = r.upTo
        /\ applied' = r.upTo
        /\ phase' = "idle"
        /\ pending' = 0
        /\ tmp' = NoFile
        \* Startup keeps the snapshot the manifest names and deletes the others.
        /\ snaps' = IF mC.snap > 0 THEN {[idx |-> mC.snap, synced |-> TRUE, durableName |-> TRUE]} ELSE {}
        /\ mVisible' = [snap |-> mC.snap, synced |-> TRUE]
        /\ mDurable' = [snap |-> mC.snap, synced |-> TRUE]
        /\ mTmp' = NoManifest
        /\ crashes' = crashes + 1
        /\ UNCHANGED acked

-----------------------------------------------------------------------------

Init ==
    /\ segs = <<[start |-> 1, n |-> 0, synced |-> 0]>>
    /\ appended = 0
    /\ applied = 0
    /\ acked = 0
    /\ phase = "idle"
    /\ pending = 0
    /\ tmp = NoFile
    /\ snaps = {}
    /\ mVisible = [snap |-> 0, synced |-> TRUE]
    /\ mDurable = [snap |-> 0, synced |-> TRUE]
    /\ mTmp = NoManifest
    /\ crashes = 0
    /\ recovery = NoRecovery

Next ==
    \/ AppendEntry \/ SyncLog \/ Rotate \/ ApplyEntry
    \/ SnapWriteTemp \/ SnapSyncTemp \/ SnapRename \/ SnapSyncDir
    \/ ManifestWriteTemp \/ ManifestSyncTemp \/ ManifestRename \/ ManifestSyncDir
    \/ DropSegment \/ DropSnapshot
    \/ CrashAndRecover

Spec == Init /\ [][Next]_vars

StateBound == crashes <= MaxCrashes

-----------------------------------------------------------------------------

SegType == [start : Nat \ {0}, n : 0..SegCap, synced : 0..SegCap]

TypeOK ==
    /\ segs \in Seq(SegType) /\ segs # <<>>
    /\ \A i \in 1..Len(segs) : segs[i].synced <= segs[i].n
    /\ \A i \in 1..(Len(segs) - 1) : segs[i].synced = segs[i].n
    /\ appended \in 0..MaxIndex /\ applied \in 0..appended /\ acked \in Nat
    /\ phase \in Phases /\ pending \in 0..MaxIndex
    /\ tmp \in [idx : 0..MaxIndex, synced : BOOLEAN]
    /\ snaps \subseteq [idx : 1..MaxIndex, synced : BOOLEAN, durableName : BOOLEAN]
    /\ mVisible \in [snap : 0..MaxIndex, synced : BOOLEAN]
    /\ mDurable \in [snap : 0..MaxIndex, synced : BOOLEAN]
    /\ mTmp \in [snap : 0..MaxIndex, synced : BOOLEAN]
    /\ crashes \in Nat
    /\ recovery \in [done : BOOLEAN, ok : BOOLEAN, upTo : Nat, acked : Nat, doubles : BOOLEAN]

\* Recovery succeeds and its state holds every entry reported durable before the crash.
RecoveryComplete ==
    recovery.done => recovery.ok /\ recovery.upTo >= recovery.acked

\* Recovery applies no entry twice (snapshot plus replay).
NoDoubleApply ==
    recovery.done => ~recovery.doubles

=============================================================================

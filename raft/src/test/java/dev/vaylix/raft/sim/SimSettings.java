package dev.vaylix.raft.sim;

import java.util.SplittableRandom;

/**
 * Everything a simulation run varies, derived from its seed alone (so the seed reproduces the run).
 *
 * @param clusterSize          initial voters (3 or 5)
 * @param profile              which faults are injected
 * @param faultTicks           length of the phase with faults
 * @param livenessTicks        after healing, a leader must commit a new entry within this many ticks
 * @param electionTimeoutTicks core setting
 * @param heartbeatTicks       core setting
 * @param dropRate             probability a message is lost
 * @param duplicateRate        probability a message is delivered twice
 * @param maxDelayTicks        messages take 1..maxDelayTicks ticks (and are reordered by it)
 * @param lateRate             probability a message is a straggler, delivered 10..210 ticks late
 * @param syncProbability      per tick, probability that a node's pending writes are fsynced (slow disks below 1)
 * @param crashRate            per tick, probability of a crash of a random node
 * @param leaderCrashRate      per tick, probability that the current leader crashes
 * @param newLeaderCrashChance probability that a node crashes within a few ticks of winning an election
 * @param pauseRate            per tick, probability that a node (usually the leader) is paused for 20..200 ticks
 * @param partitionRate        per tick without a partition, probability one starts
 * @param membershipRate       per tick, probability of a membership change
 * @param transferRate         per tick, probability of a leadership transfer
 * @param snapshotEveryEntries nodes compact their log every this many applied entries
 * @param chunkBytes           InstallSnapshot chunk size
 * @param maxMessageBytes      AppendEntries size bound
 * @param maxInflight          AppendEntries in flight per follower
 * @param clients              concurrent clients
 */
record SimSettings(long seed, int clusterSize, FaultProfile profile, int faultTicks, int livenessTicks,
                   int electionTimeoutTicks, int heartbeatTicks, double dropRate, double duplicateRate,
                   int maxDelayTicks, double lateRate, double syncProbability, double crashRate, double leaderCrashRate,
                   double newLeaderCrashChance, double pauseRate, double partitionRate,
                   double membershipRate, double transferRate, int snapshotEveryEntries, int chunkBytes,
                   int maxMessageBytes, int maxInflight, int clients) {

    /**
     * Fault mixes. LEADER_CHURN aims at the leader-change corner cases (thesis Figure 3.7): leaders crash
     * soon after their election, entries travel one per message, so old-term entries reach a majority
     * before the new leader's own entry does.
     */
    enum FaultProfile { CALM, LOSSY_NETWORK, PARTITIONS, CRASHES, MEMBERSHIP, CHAOS, LEADER_CHURN }

    static SimSettings forSeed(long seed) {
        FaultProfile[] profiles = FaultProfile.values();
        int clusterSize = Math.floorMod(seed, 2) == 0 ? 3 : 5;
        FaultProfile profile = profiles[(int) Math.floorMod(seed / 2, (long) profiles.length)];
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        int election = 10;
        int heartbeat = 2;
        double drop = 0.0;
        double dup = 0.0;
        double late = 0.0;
        int delay = 1 + r.nextInt(2);
        double sync = 1.0;
        double crash = 0;
        double leaderCrash = 0;
        double newLeaderCrash = 0;
        double pause = 0;
        int maxMessageBytes = 60 + r.nextInt(1000);
        int maxInflight = 1 + r.nextInt(8);
        double partition = 0;
        double membership = 0;
        double transfer = 0;
        switch (profile) {
            case CALM -> { }
            case LOSSY_NETWORK -> {
                late = r.nextDouble() * 0.03;
                drop = 0.02 + r.nextDouble() * 0.2;
                dup = r.nextDouble() * 0.1;
                delay = 1 + r.nextInt(6);
            }
            case PARTITIONS -> {
                drop = r.nextDouble() * 0.02;
                delay = 1 + r.nextInt(3);
                partition = 0.01 + r.nextDouble() * 0.02;
                pause = r.nextDouble() * 0.01;
            }
            case CRASHES -> {
                drop = r.nextDouble() * 0.02;
                sync = 0.3 + r.nextDouble() * 0.7;
                crash = 0.005 + r.nextDouble() * 0.015;
                pause = r.nextDouble() * 0.005;
            }
            case MEMBERSHIP -> {
                drop = r.nextDouble() * 0.02;
                membership = 0.005 + r.nextDouble() * 0.015;
                transfer = 0.003 + r.nextDouble() * 0.01;
                crash = r.nextDouble() * 0.003;
            }
            case LEADER_CHURN -> {
                late = r.nextDouble() * 0.02;
                drop = r.nextDouble() * 0.05;
                delay = 1 + r.nextInt(4);
                sync = 0.5 + r.nextDouble() * 0.5;
                leaderCrash = 0.005 + r.nextDouble() * 0.02;
                newLeaderCrash = 0.2 + r.nextDouble() * 0.5;
                partition = r.nextDouble() * 0.01;
                pause = r.nextDouble() * 0.005;
                maxMessageBytes = 1;
                maxInflight = 1 + r.nextInt(2);
            }
            case CHAOS -> {
                late = r.nextDouble() * 0.02;
                leaderCrash = r.nextDouble() * 0.005;
                newLeaderCrash = r.nextDouble() * 0.1;
                pause = r.nextDouble() * 0.005;
                drop = r.nextDouble() * 0.1;
                dup = r.nextDouble() * 0.05;
                delay = 1 + r.nextInt(4);
                sync = 0.4 + r.nextDouble() * 0.6;
                crash = r.nextDouble() * 0.01;
                partition = r.nextDouble() * 0.02;
                membership = r.nextDouble() * 0.01;
                transfer = r.nextDouble() * 0.005;
            }
        }
        return new SimSettings(seed, clusterSize, profile, 1200, 40 * election, election, heartbeat, drop, dup, delay,
                late, sync, crash, leaderCrash, newLeaderCrash, pause, partition, membership, transfer, 10 + r.nextInt(50),
                16 + r.nextInt(200), maxMessageBytes, maxInflight, 2 + r.nextInt(4));
    }

    @Override
    public String toString() {
        return "seed=" + seed + " nodes=" + clusterSize + " profile=" + profile;
    }
}

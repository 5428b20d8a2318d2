package dev.vaylix.raft.driver;

/**
 * Counters of a {@link RaftDriver} since it started, for metrics and for judging group commit: how many
 * durable appends (fsyncs under {@code SyncPolicy.SYNC}) the log took, how many entries and Readys they
 * carried, how long they took, how many linearizable reads went to the core, and how many proposals wait
 * for their outcome now. Each value is read on its own, so a set of them is not one atomic snapshot.
 *
 * @param durableAppends    {@code LogStore.append} calls (each one fsync under {@code SYNC})
 * @param entriesAppended   log entries those appends carried
 * @param readysPersisted   Readys made durable (several share one append: group commit)
 * @param appendNanosTotal  time spent in those appends: writing, encrypting and the fsync
 * @param appendNanosMax    the longest one
 * @param appendEntriesMax  the most entries one append carried
 * @param reads             ReadIndex requests the core handled ({@link RaftDriver#read()} calls that reached it)
 * @param proposalsInFlight proposals appended and not yet answered, now
 */
public record DriverStats(long durableAppends, long entriesAppended, long readysPersisted, long appendNanosTotal,
                          long appendNanosMax, int appendEntriesMax, long reads, int proposalsInFlight) {
}

/**
 * The segmented write-ahead log, which is also the Raft log: {@link dev.vaylix.storage.wal.Wal} opens a
 * {@link dev.vaylix.api.log.LogStore} over {@code <data-dir>/wal/} with the {@code FileChannel} or the
 * memory-mapped backend (docs/STORAGE.md section 4).
 */
package dev.vaylix.storage.wal;

package dev.vaylix.storage.offline;

import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.RecoveryReport;
import dev.vaylix.storage.format.FileHeader;
import dev.vaylix.storage.wal.WalReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The storage report of STORAGE.md §10, printed by {@code storage verify|migrate} and
 * {@code pitr inspect|restore} as one {@code key=value} per line. The reference's "sequence" is our
 * log index, so its {@code *_sequence} keys are named {@code *_index}; the values come from the
 * files' contents (the reference took {@code newest_sequence} from sealed segment names only, Note 8).
 * Keys after {@code wal_size_bytes} are additions (docs/STORAGE.md lists them all).
 *
 * @param snapshotSizeBytes   plaintext size of the snapshot (0 without one), the same for every tool
 * @param lastSnapshotAtMs    the snapshot's time, empty without a snapshot
 * @param activeWalStartIndex the active segment's start; else the last segment's end + 1; else 1
 * @param oldestRetainedIndex start of the oldest segment file, empty without segments
 * @param newestIndex         the log's last index, empty when the log holds no entry
 * @param walSizeBytes        sum of the segment file sizes
 * @param tornTailBytes       bytes of a torn final append (dropped, or to be dropped)
 */
public record InspectionReport(boolean snapshotPresent, long snapshotSizeBytes, long lastSnapshotIndex, long lastSnapshotTerm,
                               OptionalLong lastSnapshotAtMs, int walSegmentCount, int sealedWalSegmentCount,
                               int activeWalSegmentCount, long activeWalStartIndex, OptionalLong oldestRetainedIndex,
                               OptionalLong newestIndex, long walSizeBytes, long firstIndex, long lastIndex, long commitIndex,
                               long hardStateTerm, String manifestStatus, long tornTailBytes) {

    static InspectionReport of(RecoveredStorage storage) {
        RecoveryReport report = storage.report();
        List<WalReport.SegmentInfo> segments = report.wal().segments();
        int active = (int) segments.stream().filter(WalReport.SegmentInfo::active).count();
        long activeStart = segments.stream().filter(WalReport.SegmentInfo::active).mapToLong(WalReport.SegmentInfo::startIndex)
                .max().orElse(segments.isEmpty() ? 1 : segments.getLast().endIndex() + 1);
        OptionalLong oldest = segments.stream().mapToLong(WalReport.SegmentInfo::startIndex).min();
        var snapshot = storage.snapshot();
        return new InspectionReport(snapshot.isPresent(), snapshot.map(s -> s.meta().sizeBytes()).orElse(0L),
                report.snapshotIndex(), report.snapshotTerm(),
                snapshot.map(s -> OptionalLong.of(s.meta().createdAtMs())).orElse(OptionalLong.empty()),
                segments.size(), segments.size() - active, active, activeStart, oldest,
                report.lastIndex() > 0 ? OptionalLong.of(report.lastIndex()) : OptionalLong.empty(),
                report.wal().totalSizeBytes(), report.firstIndex(), report.lastIndex(), report.hardState().commitIndex(),
                report.hardState().term(), report.manifest().name().toLowerCase(Locale.ROOT), report.tornBytesDropped());
    }

    /** The report as ordered key/value pairs. */
    public List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("snapshot_present", Boolean.toString(snapshotPresent)));
        out.add(Map.entry("storage_format_version", Integer.toString(FileHeader.FORMAT_VERSION)));
        out.add(Map.entry("snapshot_size_bytes", Long.toString(snapshotSizeBytes)));
        out.add(Map.entry("last_snapshot_index", Long.toString(lastSnapshotIndex)));
        out.add(Map.entry("last_snapshot_at_ms", text(lastSnapshotAtMs)));
        out.add(Map.entry("wal_segment_count", Integer.toString(walSegmentCount)));
        out.add(Map.entry("sealed_wal_segment_count", Integer.toString(sealedWalSegmentCount)));
        out.add(Map.entry("active_wal_segment_count", Integer.toString(activeWalSegmentCount)));
        out.add(Map.entry("active_wal_start_index", Long.toString(activeWalStartIndex)));
        out.add(Map.entry("oldest_retained_index", text(oldestRetainedIndex)));
        out.add(Map.entry("newest_index", text(newestIndex)));
        out.add(Map.entry("wal_size_bytes", Long.toString(walSizeBytes)));
        out.add(Map.entry("last_snapshot_term", Long.toString(lastSnapshotTerm)));
        out.add(Map.entry("first_index", Long.toString(firstIndex)));
        out.add(Map.entry("last_index", Long.toString(lastIndex)));
        out.add(Map.entry("commit_index", Long.toString(commitIndex)));
        out.add(Map.entry("hard_state_term", Long.toString(hardStateTerm)));
        out.add(Map.entry("manifest_status", manifestStatus));
        out.add(Map.entry("torn_tail_bytes", Long.toString(tornTailBytes)));
        return out;
    }

    /** One {@code key=value} per line, each ending in a newline. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : entries()) {
            out.append(entry.getKey()).append('=').append(entry.getValue()).append('\n');
        }
        return out.toString();
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "none";
    }
}

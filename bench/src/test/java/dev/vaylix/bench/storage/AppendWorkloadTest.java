package dev.vaylix.bench.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** What makes the log append and raw write figures comparable at equal batch size. */
class AppendWorkloadTest {

    @TempDir
    Path dir;

    @Test
    void the_log_and_raw_benchmarks_take_batch_size_entry_size_and_disk_from_one_shared_state() throws Exception {
        for (Class<?> benchmark : List.of(LogAppendBenchmark.class, RawWriteForceBenchmark.class, AppendVsRawBenchmark.class)) {
            for (String field : new String[] {"batchSize", "payloadBytes", "dir"}) {
                assertTrue(Arrays.stream(benchmark.getFields()).noneMatch(f -> f.getName().equals(field)),
                        () -> benchmark.getSimpleName() + " declares its own " + field);
            }
            Method setup = Arrays.stream(benchmark.getMethods())
                    .filter(method -> method.isAnnotationPresent(Setup.class)).findFirst().orElseThrow();
            assertEquals(List.of(AppendWorkload.class), List.of(setup.getParameterTypes()), benchmark.getSimpleName() + " setup");
        }
        assertArrayEquals(new String[] {"1", "16", "64", "256", "1024"}, params("batchSize"));
        assertArrayEquals(new String[] {"256"}, params("payloadBytes"));
    }

    @Test
    void the_raw_loop_writes_what_the_log_writes_for_every_batch() {
        int batchSize = 8;
        int payloadBytes = 256;
        int measured = AppendWorkload.measureBatchBytes(batchSize, payloadBytes, dir.toString());
        assertTrue(measured > batchSize * payloadBytes, "framing, metadata and GCM tags come on top of the payload: " + measured);

        CountingFileIO io = new CountingFileIO(new ChannelFileIO());
        Bytes payload = AppendWorkload.payload(payloadBytes);
        try (LogStore log = AppendWorkload.openLog(io, dir.resolve("log"), WalOptions.DEFAULTS.withSyncPolicy(SyncPolicy.SYNC))) {
            long next = 1;
            for (int batch = 0; batch < 10; batch++) {
                long before = io.writtenBytes();
                log.append(AppendWorkload.batch(next, batchSize, payload), AppendWorkload.hardState(next));
                next += batchSize;
                if (batch > 0) {
                    assertEquals(measured, io.writtenBytes() - before, "bytes of batch " + batch);
                }
            }
        }
    }

    private static String[] params(String field) throws NoSuchFieldException {
        return AppendWorkload.class.getField(field).getAnnotation(Param.class).value();
    }
}

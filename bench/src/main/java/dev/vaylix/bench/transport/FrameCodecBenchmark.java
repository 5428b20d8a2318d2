package dev.vaylix.bench.transport;

import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.Compression;
import dev.vaylix.transport.FrameReader;
import dev.vaylix.transport.FrameSettings;
import dev.vaylix.transport.FrameWriter;
import dev.vaylix.transport.Vtp2;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frame encode and decode throughput (header, CRC-32, optional zstd), with the reuse a connection has: one
 * {@link BodyWriter}, {@link FrameWriter} and {@link FrameReader} for every frame. Bodies are half text-like
 * (compressible), half random.
 *
 * <p>Run on a quiet machine: {@code bench/run-benchmarks.sh transport} (bench/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class FrameCodecBenchmark {

    @Param({"64", "1024", "65536"})
    public int bodyBytes;

    @Param({"NONE", "ZSTD"})
    public Compression compression;

    private FrameSettings settings;
    private BodyWriter body;
    private FrameWriter writer;
    private Rewindable input;
    private FrameReader reader;

    @Setup
    public void setUp() {
        settings = FrameSettings.negotiated(compression, 0, Vtp2.MAX_FRAME_LEN);
        byte[] content = new byte[bodyBytes];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < content.length; i++) {
            content[i] = i % 2 == 0 ? (byte) ('a' + i % 26) : (byte) random.nextInt(256);
        }
        body = new BodyWriter(bodyBytes).raw(content, 0, content.length);
        writer = new FrameWriter(OutputStream.nullOutputStream());
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        new FrameWriter(encoded).write(body, settings);
        input = new Rewindable(encoded.toByteArray());
        reader = new FrameReader(input);
    }

    @Benchmark
    public BodyWriter encode() {
        writer.write(body, settings);
        return body;
    }

    @Benchmark
    public ByteBuffer decode() {
        input.rewind();
        return reader.read(settings);
    }

    /** An input stream over one frame that can be replayed without allocating. */
    static final class Rewindable extends InputStream {
        private final byte[] bytes;
        private int position;

        Rewindable(byte[] bytes) {
            this.bytes = bytes;
        }

        void rewind() {
            position = 0;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }
    }
}

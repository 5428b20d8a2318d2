package dev.vaylix.bench.transport;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.BodyWriter;
import dev.vaylix.transport.ReplyShape;
import dev.vaylix.transport.RequestCodec;
import dev.vaylix.transport.RequestMetadata;
import dev.vaylix.transport.ResponseCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Request and response body codec throughput for the hot commands: what a server pays per request (decode
 * GET/SET, encode the reply) and a client per request (encode, decode the reply). 256-byte values, as in the
 * load-generator targets.
 *
 * <p>Run on a quiet machine: {@code bench/run-benchmarks.sh transport} (bench/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PayloadCodecBenchmark {

    private static final UUID ID = new UUID(0x01912d3c7a4e7b2aL, 0x8f000123456789abL);

    private final BodyWriter out = new BodyWriter();
    private Command.Get get;
    private Command.Set set;
    private Command.MSet mset;
    private Reply.Data value;
    private Reply.Entries info;
    private ByteBuffer getBody;
    private ByteBuffer setBody;
    private ByteBuffer msetBody;
    private ByteBuffer valueResponse;
    private ByteBuffer infoResponse;

    @Setup
    public void setUp() {
        byte[] payload = new byte[256];
        Arrays.fill(payload, (byte) 'v');
        get = new Command.Get(Key.of("user:1234567:profile"));
        set = Command.Set.of(Key.of("user:1234567:profile"), Bytes.of(payload));
        List<KeyValue> pairs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            pairs.add(new KeyValue(Key.of("user:" + i), Bytes.of(payload)));
        }
        mset = new Command.MSet(pairs);
        value = new Reply.Data(Bytes.of(payload));
        List<Reply.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(Reply.Entry.text("server.metric_" + i, Integer.toString(i * 1000)));
        }
        info = new Reply.Entries(entries);
        getBody = requestBody(get);
        setBody = requestBody(set);
        msetBody = requestBody(mset);
        valueResponse = responseBody(value);
        infoResponse = responseBody(info);
    }

    private ByteBuffer requestBody(Command command) {
        RequestCodec.encode(out, ID, RequestMetadata.NONE, command);
        return ByteBuffer.wrap(out.toByteArray());
    }

    private ByteBuffer responseBody(Reply reply) {
        ResponseCodec.encode(out, ID, reply);
        return ByteBuffer.wrap(out.toByteArray());
    }

    @Benchmark
    public BodyWriter encodeGet() {
        RequestCodec.encode(out, ID, RequestMetadata.NONE, get);
        return out;
    }

    @Benchmark
    public BodyWriter encodeSet() {
        RequestCodec.encode(out, ID, RequestMetadata.NONE, set);
        return out;
    }

    @Benchmark
    public Command decodeGet() {
        return RequestCodec.decodeCommand(RequestCodec.decodeEnvelope(getBody));
    }

    @Benchmark
    public Command decodeSet() {
        return RequestCodec.decodeCommand(RequestCodec.decodeEnvelope(setBody));
    }

    @Benchmark
    public Command decodeMSet16() {
        return RequestCodec.decodeCommand(RequestCodec.decodeEnvelope(msetBody));
    }

    @Benchmark
    public BodyWriter encodeValueReply() {
        ResponseCodec.encode(out, ID, value);
        return out;
    }

    @Benchmark
    public Reply decodeValueReply() {
        return ResponseCodec.decodeReply(ResponseCodec.decodeEnvelope(valueResponse), ReplyShape.VALUE);
    }

    @Benchmark
    public BodyWriter encodeInfoReply() {
        ResponseCodec.encode(out, ID, info);
        return out;
    }

    @Benchmark
    public Reply decodeInfoReply() {
        return ResponseCodec.decodeReply(ResponseCodec.decodeEnvelope(infoResponse), ReplyShape.ENTRIES);
    }
}

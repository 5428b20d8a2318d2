package dev.vaylix.bench.command;

import dev.vaylix.api.command.Command;
import dev.vaylix.command.CommandParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing typical command lines: the per-command cost the CLI pays before a request leaves the
 * client. Each method parses one fixed line; the result is returned so JMH consumes it.
 *
 * <p>Run on a quiet machine (the figures of a busy one mean nothing): {@code bench/run-benchmarks.sh command}
 * (add {@code -prof gc} for the allocation per operation); see bench/README.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class CommandParserBenchmark {

    // Not final: JMH must not see the lines as constants it could fold.
    String get = "GET user:1001:profile";
    String setWithOptions = "SET feature:checkout-v2 enabled NX PX 60000 GET";
    String setIfVersion = "set config:limits 250 if version 17 keepttl";
    String mset10 = "MSET k0 v0 k1 v1 k2 v2 k3 v3 k4 v4 k5 v5 k6 v6 k7 v7 k8 v8 k9 v9";
    String quoted = "SET \"user profile:1001\" \"{\\\"name\\\":\\\"Ada Lovelace\\\",\\\"tags\\\":[\\\"a b\\\",\\\"c\\\"]}\" EX 3600";
    String scan = "SCAN 0 MATCH user:* COUNT 100";

    @Benchmark
    public Command get() {
        return CommandParser.parse(get);
    }

    @Benchmark
    public Command setWithOptions() {
        return CommandParser.parse(setWithOptions);
    }

    @Benchmark
    public Command setIfVersion() {
        return CommandParser.parse(setIfVersion);
    }

    @Benchmark
    public Command mset10Pairs() {
        return CommandParser.parse(mset10);
    }

    @Benchmark
    public Command quotedStrings() {
        return CommandParser.parse(quoted);
    }

    @Benchmark
    public Command scanWithMatchAndCount() {
        return CommandParser.parse(scan);
    }
}

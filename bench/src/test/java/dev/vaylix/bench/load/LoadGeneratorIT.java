package dev.vaylix.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.json.Json;
import dev.vaylix.api.json.JsonNumber;
import dev.vaylix.api.json.JsonObject;
import dev.vaylix.api.json.JsonValue;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.client.testing.FakeServerExtension;
import dev.vaylix.client.testing.FakeVaylixServer;
import dev.vaylix.client.testing.FakeVaylixServer.Action;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The load generator against the client module's in-process fake server, for about a second per run. */
class LoadGeneratorIT {

    @RegisterExtension
    final FakeServerExtension fake = FakeServerExtension.perTest();

    private FakeVaylixServer server;

    @TempDir
    Path directory;

    @BeforeEach
    void server() {
        server = fake.server();
    }

    record Outcome(int exitCode, String stdout, String stderr, JsonObject report) {
        long count(String operation) {
            return number(((JsonObject) report.get("operations").orElseThrow()).get(operation).orElseThrow(), "count");
        }

        long errors(String operation) {
            return number(((JsonObject) report.get("operations").orElseThrow()).get(operation).orElseThrow(), "errors");
        }

        static long number(JsonValue object, String name) {
            return ((JsonNumber) ((JsonObject) object).get(name).orElseThrow()).longValue();
        }
    }

    private Outcome generate(String... flags) throws Exception {
        Path report = directory.resolve("report.json");
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(server.port()), "--connections", "4",
                "--pipeline", "8", "--warmup-seconds", "0", "--duration-seconds", "1", "--keyspace", "500",
                "--value-size", "64", "--report", report.toString()));
        args.addAll(List.of(flags));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LoadGenerator.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonObject json = Files.exists(report) ? (JsonObject) Json.parse(Files.readString(report)) : new JsonObject(List.of());
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), json);
    }

    @Test
    void aSetWorkloadWritesThroughPipelinedConnectionsAndReports() throws Exception {
        Outcome outcome = generate("--workload", "set");
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        long sets = outcome.count("set");
        assertTrue(sets > 100, "sets " + sets);
        assertEquals(0, outcome.errors("set"));
        assertTrue(server.store().size() > 0 && server.store().size() <= 500);
        assertTrue(server.requestsReceived() >= sets, "every measured operation reached the server");
        assertTrue(outcome.stdout().contains("acknowledged writes/s="), outcome.stdout());
        JsonObject latency = (JsonObject) ((JsonObject) ((JsonObject) outcome.report().get("operations").orElseThrow())
                .get("set").orElseThrow()).get("latency_us").orElseThrow();
        long p50 = Outcome.number(latency, "p50");
        long p99 = Outcome.number(latency, "p99");
        long max = Outcome.number(latency, "max");
        assertTrue(0 < p50 && p50 <= p99 && p99 <= max, latency.toString());
    }

    @Test
    void aGetWorkloadPreloadsTheKeyspaceSoEveryReadFindsAValue() throws Exception {
        AtomicInteger misses = new AtomicInteger();
        server.intercept(command -> {
            if (command instanceof Command.Get get && server.store().value(get.key().text()).isEmpty()) {
                misses.incrementAndGet();
            }
            return null;
        });
        Outcome outcome = generate("--workload", "get");
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals(500L, server.store().size());
        assertTrue(outcome.count("get") > 100);
        assertEquals(0, misses.get());
        assertTrue(outcome.stdout().contains("preloading 500 keys"), outcome.stdout());
    }

    @Test
    void aMixedWorkloadReportsReadsAndWritesSeparately() throws Exception {
        Outcome outcome = generate("--workload", "mixed", "--read-ratio", "0.5", "--no-preload");
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        long gets = outcome.count("get");
        long sets = outcome.count("set");
        assertTrue(gets > 0 && sets > 0, gets + " / " + sets);
        double share = (double) gets / (gets + sets);
        assertTrue(share > 0.4 && share < 0.6, "read share " + share);
    }

    @Test
    void aTransactionWorkloadCommitsWholeTransactions() throws Exception {
        Outcome outcome = generate("--workload", "transaction", "--transaction-size", "3");
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        long transactions = outcome.count("transaction");
        assertTrue(transactions > 10, "transactions " + transactions);
        JsonObject totals = (JsonObject) outcome.report().get("totals").orElseThrow();
        double writes = Double.parseDouble(((JsonNumber) totals.get("writes_per_second").orElseThrow()).text());
        double measured = Double.parseDouble(((JsonNumber) outcome.report().get("measured_seconds").orElseThrow()).text());
        assertEquals(transactions * 3 / measured, writes, writes * 0.01);
    }

    @Test
    void refusedOperationsAreCountedAndFailTheRun() throws Exception {
        server.intercept(command -> command instanceof Command.Set set && set.key().text().endsWith("7")
                ? new Action.Answer(Reply.Error.of(ErrorCode.SRV_017)) : null);
        Outcome outcome = generate("--workload", "set");
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.errors("set") > 0);
        assertTrue(outcome.count("set") > outcome.errors("set"));
    }

    @Test
    void anUnreachableServerExitsWith3AndBadFlagsWith2() throws Exception {
        Outcome wrongPassword = generate("--password", "nope");
        assertEquals(3, wrongPassword.exitCode());
        assertTrue(wrongPassword.stderr().contains("SRV-008"), wrongPassword.stderr());
        assertEquals(2, generate("--workload", "scan").exitCode());
        assertEquals(2, generate("--read-ratio", "1.5").exitCode());
        assertFalse(Files.exists(directory.resolve("report.json")));
    }
}

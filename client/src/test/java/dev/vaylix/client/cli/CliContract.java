package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The non-interactive command line against a running server: one command as arguments, scripts on standard
 * input, output modes, errors on standard error, exit statuses. Abstract over the server so that the
 * end-to-end tests can run it against the real {@code vaylix} ({@link #connectionArgs()} gives the flags that
 * reach it, with working credentials).
 */
public abstract class CliContract {

    /** Flags that reach the server under test, e.g. {@code --port 9173}. */
    protected abstract List<String> connectionArgs();

    /** What one run printed and returned. */
    protected record Run(int exitCode, String stdout, String stderr) {
    }

    private String namespace;

    @BeforeEach
    void namespace() {
        namespace = "cli:" + UUID.randomUUID() + ":";
    }

    /** A key private to this test. */
    protected String key(String name) {
        return namespace + name;
    }

    /** Runs {@code vaylix-client <connection flags> <args>} with {@code stdin} as a non-terminal standard input. */
    protected Run run(String stdin, String... args) {
        List<String> all = new ArrayList<>(connectionArgs());
        all.addAll(List.of(args));
        return runRaw(stdin, all.toArray(String[]::new));
    }

    /** Runs with exactly {@code args}. */
    protected static Run runRaw(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Io io = new Main.Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), false);
        int exit = Main.run(args, io);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneCommandAsArgumentsPrintsItsReply() {
        assertEquals(new Run(0, "OK\n", ""), run("", "set", key("greeting"), "hello world"));
        assertEquals(new Run(0, "hello world\n", ""), run("", "get", key("greeting")));
        assertEquals(new Run(0, "NOT_FOUND\n", ""), run("", "get", key("missing")), "a missing key is not a failure");
    }

    @Test
    void argumentsKeepQuotesBackslashesAndEmptyValues() {
        assertEquals(0, run("", "set", key("q"), "say \"hi\" \\ there").exitCode());
        assertEquals("say \"hi\" \\ there\n", run("", "get", key("q")).stdout());
        assertEquals(0, run("", "set", key("empty"), "").exitCode());
        assertEquals("\n", run("", "get", key("empty")).stdout());
    }

    @Test
    void anErrorReplyGoesToStandardErrorWithExitStatus1() {
        run("", "set", key("text"), "abc");
        Run run = run("", "incr", key("text"));
        assertEquals(1, run.exitCode());
        assertEquals("", run.stdout());
        assertTrue(run.stderr().startsWith("ERROR [ENG-015] Invalid Integer Value: engine failure: "), run.stderr());
    }

    @Test
    void aParseErrorIsReportedWithItsCodeAndExitStatus1() {
        Run run = run("", "set", key("k"));
        assertEquals(1, run.exitCode());
        assertEquals("[CMD-003] Invalid Command Arity: usage: set <key> <value> [nx|xx] [if version <version>]"
                + " [ex <seconds>|px <millis>] [keepttl] [get]\n", run.stderr());
    }

    @Test
    void aScriptRunsLineByLineAndContinuesAfterErrors() {
        String script = String.join("\n",
                "set " + key("a") + " 1",
                "",
                "   incr " + key("a") + "   ",
                "frobnicate",
                "mget " + key("a") + " " + key("nope"),
                "exists " + key("a") + "\r",
                "quit",
                "set " + key("after-quit") + " x");
        Run run = run(script);
        assertEquals(1, run.exitCode(), "one line failed to parse");
        assertEquals("OK\n2\n2, (nil)\ntrue\n", run.stdout());
        assertEquals("[CMD-002] Unknown Command: unknown command: frobnicate\n", run.stderr());
        assertEquals("NOT_FOUND\n", run("", "get", key("after-quit")).stdout(), "nothing runs after quit");
    }

    @Test
    void aCleanScriptExitsWith0AndTransactionsPrintQueuedAndOneLinePerResult() {
        String script = "multi\nset " + key("t") + " v\nincr " + key("n") + "\nget " + key("t") + "\nexec\n";
        Run run = run(script);
        assertEquals(new Run(0, "OK\nQUEUED\nQUEUED\nQUEUED\nOK\n1\nv\n", ""), run);
    }

    @Test
    void helpNeedsNoServer() {
        Run run = runRaw("help\n", "--port", "1");
        assertEquals(0, run.exitCode());
        assertTrue(run.stdout().startsWith("Vaylix command help\n\ncommand "), run.stdout());
    }

    @Test
    void entriesRepliesFollowTheOutputFlag() {
        assertEquals(0, run("", "set", key("k"), "v").exitCode());
        Run plain = run("", "health");
        assertEquals(0, plain.exitCode());
        assertTrue(plain.stdout().contains("ready=true"), plain.stdout());
        Run table = run("", "--output", "table", "health");
        assertTrue(table.stdout().startsWith("key "), table.stdout());
        assertTrue(table.stdout().contains("-+-"), table.stdout());
        Run json = run("", "--output", "json", "health");
        assertTrue(json.stdout().startsWith("[\n  {\n    \"key\": "), json.stdout());
    }
}

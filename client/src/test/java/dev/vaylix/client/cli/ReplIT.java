package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.client.ClientConfig;
import dev.vaylix.client.testing.FakeServerExtension;
import dev.vaylix.client.testing.FakeVaylixServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell driven through a JLine terminal fed from a byte stream (an xterm-type external terminal:
 * a "dumb" one inserts control keys such as Ctrl-U literally), against the fake server.
 */
class ReplIT {

    @RegisterExtension
    static final FakeServerExtension FAKE = FakeServerExtension.perClass();

    private FakeVaylixServer server;

    @TempDir
    Path home;

    @BeforeEach
    void server() {
        server = FAKE.server();
    }

    private record Session(int exitCode, String screen, List<String> startup) {
    }

    private Session type(String keystrokes) throws IOException {
        return type(new ByteArrayInputStream(keystrokes.getBytes(StandardCharsets.UTF_8)));
    }

    private Session type(InputStream keystrokes) throws IOException {
        return type(keystrokes, new ByteArrayOutputStream());
    }

    /** Runs a session reading {@code keystrokes} and drawing on {@code screen}; returns when the shell ends. */
    private Session type(InputStream keystrokes, ByteArrayOutputStream screen) throws IOException {
        CliFlags flags = new CliFlags();
        flags.connection.port = server.port();
        CliSettings settings = CliSettings.resolve(flags.connection, flags.output);
        ClientConfig config = settings.toClientConfig();
        List<String> startup = new ArrayList<>();
        CommandRunner.Output collect = CommandRunner.Output.of(startup::add, startup::add);
        try (CommandRunner runner = new CommandRunner(settings, config, collect, true);
             Terminal terminal = new ExternalTerminal("test", "xterm", keystrokes, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(160, 40));
            Attributes tty = terminal.getAttributes(); // what a real terminal's line discipline has: Ctrl-C is SIGINT
            tty.setLocalFlag(Attributes.LocalFlag.ISIG, true);
            tty.setControlChar(Attributes.ControlChar.VINTR, 3);
            terminal.setAttributes(tty);
            runner.connect();
            CommandRunner.Output onTerminal = CommandRunner.Output.of(terminal.writer()::println, terminal.writer()::println);
            int exit = Repl.run(terminal, Optional.of(historyFile()), runner.withOutput(onTerminal));
            terminal.flush();
            return new Session(exit, screen.toString(StandardCharsets.UTF_8), startup);
        }
    }

    private Path historyFile() {
        return HistoryLocation.resolve(java.util.Map.of("HOME", home.toString())).orElseThrow();
    }

    @Test
    void theShellAnnouncesTheConnectionAndTheAuthReply() throws IOException {
        Session session = type("exit\n");
        assertEquals(List.of("[INFO] [client.startup] connecting to 127.0.0.1:" + server.port() + " ssl=false",
                "[INFO] [client.startup] connection established", "OK"), session.startup());
        assertEquals(0, session.exitCode());
    }

    @Test
    void commandsRunAndExitSavesAPasswordFreeHistory() throws IOException {
        Session session = type("set greeting hello\nget greeting\nauth vaylix vaylix\nexit\n");
        assertEquals(0, session.exitCode());
        assertTrue(session.screen().contains(Repl.PROMPT), session.screen());
        assertTrue(session.screen().contains("OK"), session.screen());
        assertTrue(session.screen().contains("hello"), session.screen());
        assertFalse(session.screen().contains(Repl.EXITING), "exit leaves without the Ctrl-C/Ctrl-D message");
        assertEquals(List.of("set greeting hello", "get greeting", "exit"), Files.readAllLines(historyFile()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(historyFile())));
    }

    @Test
    void endOfInputPrintsExiting() throws IOException {
        Session session = type("ping\n");
        assertEquals(0, session.exitCode());
        assertTrue(session.screen().contains("PONG"), session.screen());
        assertTrue(session.screen().contains(Repl.EXITING), session.screen());
    }

    @Test
    void ctrlCPrintsExitingAndLeavesWithoutWaitingForMoreInput() throws Exception {
        // The input stays open: only the interrupt can end the session. Ctrl-C is typed once the prompt shows,
        // as a person would (while a command runs, Ctrl-C belongs to the process, not to the line editor).
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keyboard);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        CompletableFuture<Session> session = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                session.complete(type(input, screen));
            } catch (Throwable e) {
                session.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!screen.toString(StandardCharsets.UTF_8).contains(Repl.PROMPT)) {
            assertTrue(System.nanoTime() < deadline, "no prompt within 10 s");
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        keyboard.write(3);
        keyboard.flush();
        Session ended = session.get(10, TimeUnit.SECONDS);
        keyboard.close();
        assertEquals(0, ended.exitCode());
        assertTrue(ended.screen().contains(Repl.EXITING), ended.screen());
    }

    @Test
    void aLineWithAnUnknownCommandIsRefusedInTheEditor() throws IOException {
        int before = server.requestsReceived();
        // Enter is refused and the line stays; Ctrl-U clears it; then a real command.
        Session session = type("frob key\n\u0015ping\nexit\n");
        assertTrue(session.screen().contains("unknown command: frob"), session.screen());
        assertTrue(session.screen().contains("PONG"), session.screen());
        assertEquals(before + 2, server.requestsReceived(), "AUTH and PING only: the refused line was never sent");
        assertFalse(Files.readAllLines(historyFile()).contains("frob key"));
    }

    @Test
    void parseErrorsAndServerErrorsPrintAndTheShellGoesOn() throws IOException {
        Session session = type("set k\nset t abc\nincr t\nhelp\nexit\n");
        assertTrue(session.screen().contains("[CMD-003] Invalid Command Arity: usage: set <key> <value>"), session.screen());
        assertTrue(session.screen().contains("ERROR [ENG-015] Invalid Integer Value"), session.screen());
        assertTrue(session.screen().contains("Vaylix command help"), session.screen());
        assertEquals(0, session.exitCode());
    }

    @Test
    void historyFromEarlierSessionsIsRecalledWithCtrlP() throws IOException {
        Files.createDirectories(historyFile().getParent());
        Files.writeString(historyFile(), "echo-me-not\nping recalled\n");
        Session session = type("\u0010\nexit\n");
        assertTrue(session.screen().contains("recalled"), session.screen());
    }
}

package dev.vaylix.client.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The fake server as a process, standing in for {@code bin/vaylix} in tests of tools that start a server
 * themselves (the load generator's managed mode). Reads {@code --port N} (or {@code --port=N}), {@code --bind}
 * (ignored: always loopback) and {@code --data-dir D} (written to {@code D/fake-server.pid} so tests can see it
 * was used); every other flag is accepted and ignored. Runs until SIGTERM.
 */
public final class FakeServerMain {

    private FakeServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : "";
            if (arg.startsWith("--port")) {
                port = Integer.parseInt(value);
            } else if (arg.startsWith("--data-dir")) {
                dataDir = Path.of(value);
            }
        }
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("fake-server.pid"), Long.toString(ProcessHandle.current().pid()));
        }
        FakeVaylixServer server = FakeVaylixServer.builder().port(port).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("fake vaylix server listening on 127.0.0.1:" + server.port());
        stopped.await();
    }
}

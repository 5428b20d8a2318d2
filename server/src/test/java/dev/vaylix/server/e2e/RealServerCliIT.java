package dev.vaylix.server.e2e;

import dev.vaylix.client.cli.CliContract;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.server.testing.SharedServer;
import java.util.List;

/**
 * The command line's contract (client test-jar; the CLI runs in this JVM) against the real {@code vaylix}
 * process that the server's integration tests share. {@code bin/vaylix-client} as a process is exercised by
 * {@link CliOutputIT}.
 */
class RealServerCliIT extends CliContract {

    @Override
    protected List<String> connectionArgs() {
        ServerProcess server = SharedServer.get();
        return List.of("--host", server.host(), "--port", Integer.toString(server.port()));
    }
}

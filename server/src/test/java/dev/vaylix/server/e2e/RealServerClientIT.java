package dev.vaylix.server.e2e;

import dev.vaylix.client.ClientConfig;
import dev.vaylix.client.ClientContract;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.server.testing.SharedServer;

/**
 * The client library's contract (client test-jar) against the real {@code vaylix} process that the server's
 * integration tests share: auth on, bootstrap user {@code vaylix}/{@code vaylix}, every test in its own key
 * namespace.
 */
class RealServerClientIT extends ClientContract {

    @Override
    protected ClientConfig config() {
        ServerProcess server = SharedServer.get();
        return ClientConfig.builder().host(server.host()).port(server.port()).credentials("vaylix", "vaylix")
                .requestTimeoutMs(30_000).build();
    }
}

package dev.vaylix.client;

import dev.vaylix.client.testing.FakeVaylixServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The client contract against the in-process fake server over real loopback sockets. */
class FakeServerClientIT extends ClientContract {

    private static FakeVaylixServer server;

    @BeforeAll
    static void startServer() {
        server = FakeVaylixServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected ClientConfig config() {
        return server.clientConfig().build();
    }
}

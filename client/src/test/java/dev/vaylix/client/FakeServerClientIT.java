package dev.vaylix.client;

import dev.vaylix.client.testing.FakeServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client contract against the in-process fake server over real loopback sockets. */
class FakeServerClientIT extends ClientContract {

    @RegisterExtension
    static final FakeServerExtension FAKE = FakeServerExtension.perClass();

    @Override
    protected ClientConfig config() {
        return FAKE.server().clientConfig().build();
    }
}

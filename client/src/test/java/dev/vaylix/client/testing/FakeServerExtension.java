package dev.vaylix.client.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts and stops a {@link FakeVaylixServer} around a test class or around each test:
 * <pre>{@code
 * @RegisterExtension static final FakeServerExtension FAKE = FakeServerExtension.perClass();
 * @RegisterExtension final FakeServerExtension fake = FakeServerExtension.perTest();
 * }</pre>
 * A server shared by a class gets its interceptor reset before each test.
 */
public final class FakeServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final boolean perClass;
    private FakeVaylixServer server;

    private FakeServerExtension(boolean perClass) {
        this.perClass = perClass;
    }

    /** One server for the whole class (register in a static field). */
    public static FakeServerExtension perClass() {
        return new FakeServerExtension(true);
    }

    /** A fresh server for every test (register in an instance field). */
    public static FakeServerExtension perTest() {
        return new FakeServerExtension(false);
    }

    /** The running server. */
    public FakeVaylixServer server() {
        if (server == null) {
            throw new IllegalStateException("the fake server runs only while a test does");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            server = FakeVaylixServer.start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            server.intercept(command -> null);
        } else {
            server = FakeVaylixServer.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            stop();
        }
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

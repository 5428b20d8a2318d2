package dev.vaylix.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.command.Command;
import dev.vaylix.client.testing.FakeServerExtension;
import dev.vaylix.client.testing.FakeVaylixServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VaylixPoolIT {

    @RegisterExtension
    final FakeServerExtension fake = FakeServerExtension.perTest();

    private FakeVaylixServer server;
    private ClientConfig config;

    @BeforeEach
    void start() {
        server = fake.server();
        config = server.clientConfig().build();
    }

    @Test
    void aReturnedConnectionIsLentOutAgain() {
        try (VaylixPool pool = VaylixPool.create(config, new PoolConfig(2, 2, 1_000, 60_000))) {
            VaylixClient first;
            try (VaylixPool.Lease lease = pool.borrow()) {
                first = lease.client();
                first.set("k", "v");
            }
            assertEquals(1, pool.idleCount());
            try (VaylixPool.Lease lease = pool.borrow()) {
                assertSame(first, lease.client());
                assertEquals(Optional.of("v"), lease.client().getString("k"));
            }
            assertEquals(1, server.connectionsAccepted());
        }
    }

    @Test
    void theBoundHoldsAndABorrowTimesOut() {
        try (VaylixPool pool = VaylixPool.create(config, new PoolConfig(2, 2, 50, 60_000))) {
            VaylixPool.Lease a = pool.borrow();
            VaylixPool.Lease b = pool.borrow();
            assertEquals(2, pool.leasedCount());
            assertThrows(PoolTimeoutException.class, pool::borrow);
            a.close();
            a.close(); // idempotent: does not free a second slot
            try (VaylixPool.Lease c = pool.borrow()) {
                assertEquals(2, pool.leasedCount());
                assertThrows(PoolTimeoutException.class, pool::borrow);
            }
            b.close();
            assertEquals(0, pool.leasedCount());
        }
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAfterItsHealthCheck() {
        try (VaylixPool pool = VaylixPool.create(config, new PoolConfig(1, 1, 1_000, 0))) {
            VaylixClient first = pool.withClient(client -> client);
            server.dropConnections();
            VaylixClient second = pool.withClient(client -> {
                client.set("k", "v");
                return client;
            });
            assertNotSame(first, second);
            assertFalse(first.isOpen(), "the broken connection was closed");
            assertEquals(2, server.connectionsAccepted());
        }
    }

    @Test
    void aConnectionLeftInsideMultiOrWithAnotherIdentityIsNeverHandedOn() {
        try (VaylixPool pool = VaylixPool.create(config, new PoolConfig(1, 1, 1_000, 60_000))) {
            VaylixClient raw = pool.withClient(client -> {
                client.execute(new Command.Multi());
                return client;
            });
            assertFalse(raw.isOpen());
            VaylixClient switched = pool.withClient(client -> {
                client.auth("vaylix", "vaylix");
                return client;
            });
            assertFalse(switched.isOpen());
            VaylixClient invalidated;
            try (VaylixPool.Lease lease = pool.borrow()) {
                invalidated = lease.client();
                lease.invalidate();
            }
            assertFalse(invalidated.isOpen());
            assertEquals(0, pool.idleCount());
        }
    }

    @Test
    void typedTransactionsLeaveTheConnectionReusable() {
        try (VaylixPool pool = VaylixPool.create(config, new PoolConfig(1, 1, 1_000, 60_000))) {
            VaylixClient used = pool.withClient(client -> {
                Transaction tx = client.multi();
                tx.add(Requests.incr("n"));
                tx.exec();
                return client;
            });
            assertTrue(used.isOpen());
            assertSame(used, pool.withClient(client -> client));
        }
    }

    @Test
    void manyThreadsShareABoundedNumberOfConnections() throws Exception {
        try (VaylixPool pool = VaylixPool.create(config, new PoolConfig(3, 3, 5_000, 60_000));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        pool.withClient(client -> client.incr("shared"));
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            assertEquals(401L, (long) pool.withClient(client -> client.incr("shared")));
            assertTrue(server.connectionsAccepted() <= 3, "opened " + server.connectionsAccepted());
        }
    }

    @Test
    void aClosedPoolRefusesToLendAndClosesReturnedConnections() {
        VaylixPool pool = VaylixPool.create(config, new PoolConfig(2, 2, 1_000, 60_000));
        VaylixPool.Lease lease = pool.borrow();
        pool.close();
        assertThrows(IllegalStateException.class, pool::borrow);
        lease.close();
        assertFalse(lease.client().isOpen());
    }
}

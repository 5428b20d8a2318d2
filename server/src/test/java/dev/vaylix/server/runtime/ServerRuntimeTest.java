package dev.vaylix.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import dev.vaylix.raft.message.ConfigurationCodec;
import dev.vaylix.server.testing.ManualClock;
import dev.vaylix.storage.RecoveredStorage;
import dev.vaylix.storage.StorageConfig;
import dev.vaylix.storage.StorageRecovery;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.wal.WalOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up checks of {@link ServerRuntime} that need no running server. */
class ServerRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void aNodeThatIsNotAMemberOfItsRecoveredConfigurationDoesNotStart() {
        StorageConfig config = new StorageConfig(dir, new ChannelFileIO(), Optional.empty(), WalOptions.DEFAULTS,
                ManualClock.started());
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            ServerRuntime.requireMember(storage, Optional.empty()); // a new directory: nothing to be a member of yet
            storage.log().append(List.of(new LogEntry(1, 1, EntryKind.NOOP, 1_000, Bytes.EMPTY)), new HardState(1, "n1", 1));
            storage.snapshots().write(1, 1, ConfigurationCodec.encode(Configuration.ofVoters("n1")), 1_000, Bytes.utf8("state"));
        }
        try (RecoveredStorage storage = StorageRecovery.open(config)) {
            ServerRuntime.requireMember(storage, Optional.of("n1"));
            VaylixException other = assertThrows(VaylixException.class, () -> ServerRuntime.requireMember(storage, Optional.of("n2")));
            assertEquals(ErrorCode.SRV_030, other.code());
            assertTrue(other.getMessage().contains("node id n2 is not a member of its Raft configuration"), other.getMessage());
            VaylixException unknown = assertThrows(VaylixException.class, () -> ServerRuntime.requireMember(storage, Optional.empty()));
            assertTrue(unknown.getMessage().contains("has no node-id file and no --node-id"), unknown.getMessage());
        }
    }
}

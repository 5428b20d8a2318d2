package dev.vaylix.raft.message;

import dev.vaylix.api.Bytes;
import dev.vaylix.raft.confchange.Configuration;

/**
 * The binary form of a {@link Configuration}: the payload of CONFIG log entries and the membership
 * recorded with snapshots ({@code SnapshotMeta.membership}). {@code version:u8 (=1) config}, with
 * {@code config} as in {@link MessageCodec}. Errors as in {@link MessageCodec#decode}.
 */
public final class ConfigurationCodec {

    public static final int VERSION = 1;

    private ConfigurationCodec() {
    }

    public static Bytes encode(Configuration configuration) {
        WireWriter out = new WireWriter(32);
        out.u8(VERSION);
        MessageCodec.writeConfiguration(out, configuration);
        return out.toBytes();
    }

    public static Configuration decode(Bytes input) {
        WireReader in = new WireReader(input);
        int version = in.u8();
        if (version != VERSION) {
            throw WireReader.corrupted("unsupported configuration version " + version);
        }
        try {
            Configuration configuration = MessageCodec.readConfiguration(in);
            in.expectEnd();
            return configuration;
        } catch (IllegalArgumentException e) {
            throw WireReader.corrupted(e.getMessage());
        }
    }
}

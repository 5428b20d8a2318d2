package dev.vaylix.server.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The complete, validated configuration of a {@code vaylix} server process: an immutable record
 * tree built by {@link ServerCommandLine} from the command line and the environment (command line
 * first, then {@code VAYLIX_*} variables, then defaults).
 *
 * @param explicitlySet the flags given on the command line or through their environment variable
 */
public record ServerConfig(NetworkConfig network, TlsConfig tls, StorageConfig storage, AuthConfig auth, LimitsConfig limits,
                           AuditConfig audit, ReplicationConfig replication, Set<ServerFlag> explicitlySet) {

    public ServerConfig {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(replication, "replication");
        EnumSet<ServerFlag> copy = EnumSet.noneOf(ServerFlag.class);
        copy.addAll(explicitlySet);
        explicitlySet = Collections.unmodifiableSet(copy);
    }

    /**
     * The flags that were given but have no effect yet ({@link ServerFlag.Support#LATER}), plus a
     * replication role other than {@code standalone}: one line each, in table order, for the server
     * to print (and log at WARN) at start-up. Empty when every given flag is honoured.
     */
    public List<String> notYetSupportedInUse() {
        List<String> notices = new ArrayList<>();
        for (ServerFlag flag : ServerFlag.values()) {
            if (flag.supported() == ServerFlag.Support.LATER && explicitlySet.contains(flag)) {
                notices.add(flag.longName() + " (" + flag.envVar() + ") is accepted but not yet supported; it has no effect");
            }
        }
        if (replication.role() != ReplicationRole.STANDALONE) {
            notices.add(ServerFlag.REPLICATION_ROLE.longName() + " " + replication.role().text()
                    + " is not yet supported; the node runs as a single-voter group (standalone)");
        }
        return List.copyOf(notices);
    }
}

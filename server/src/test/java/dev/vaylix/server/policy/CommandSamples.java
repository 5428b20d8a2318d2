package dev.vaylix.server.policy;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** One instance of every command, labelled as COMMANDS.md names it (GETEX twice: with and without options). */
public final class CommandSamples {

    private CommandSamples() {
    }

    public static Map<String, Command> all() {
        Key k = Key.of("k");
        Bytes v = Bytes.utf8("v");
        Map<String, Command> m = new LinkedHashMap<>();
        m.put("AUTH", new Command.Auth("u", "p"));
        m.put("PING", new Command.Ping(Optional.empty()));
        m.put("WHOAMI", new Command.Whoami());
        m.put("HELP", new Command.Help());
        m.put("EXIT", new Command.Exit());
        m.put("GET", new Command.Get(k));
        m.put("SET", Command.Set.of(k, v));
        m.put("SETNX", new Command.SetNx(k, v));
        m.put("GETDEL", new Command.GetDel(k));
        m.put("GETEX", new Command.GetEx(k, Expiration.NONE, false));
        m.put("GETEX EX", new Command.GetEx(k, Expiration.seconds(5), false));
        m.put("GETEX PERSIST", new Command.GetEx(k, Expiration.NONE, true));
        m.put("MGET", new Command.MGet(List.of(k, Key.of("k2"))));
        m.put("MSET", new Command.MSet(List.of(new KeyValue(k, v), new KeyValue(Key.of("k2"), v))));
        m.put("DEL", new Command.Del(List.of(k)));
        m.put("EXISTS", new Command.Exists(k));
        m.put("INCR", new Command.Incr(k));
        m.put("DECR", new Command.Decr(k));
        m.put("EXPIRE", new Command.Expire(k, 10));
        m.put("TTL", new Command.Ttl(k));
        m.put("PERSIST", new Command.Persist(k));
        m.put("RENAME", new Command.Rename(k, Key.of("k2")));
        m.put("RENAMENX", new Command.RenameNx(k, Key.of("k2")));
        m.put("SCAN", new Command.Scan(0, Optional.of("k*"), OptionalInt.empty()));
        m.put("DBSIZE", new Command.DbSize());
        m.put("COUNT", new Command.Count());
        m.put("LIST", new Command.ListAll());
        m.put("CLEAR", new Command.Clear());
        m.put("SAVE", new Command.Save());
        m.put("SNAPSHOT", new Command.Snapshot());
        m.put("BACKUP", new Command.Backup());
        m.put("BACKUP TO", new Command.BackupTo("b.json"));
        m.put("BACKUP VERIFY", new Command.BackupVerify("{}"));
        m.put("BACKUP VERIFY FROM", new Command.BackupVerifyFrom("b.json"));
        m.put("RESTORE", new Command.Restore("{}"));
        m.put("RESTORE FROM", new Command.RestoreFrom("b.json"));
        m.put("RESTORE CHECK", new Command.RestoreCheck("{}"));
        m.put("RESTORE CHECK FROM", new Command.RestoreCheckFrom("b.json"));
        m.put("CREATE USER", new Command.CreateUser("u", "p"));
        m.put("ALTER USER", new Command.AlterUserPassword("u", "p"));
        m.put("DROP USER", new Command.DropUser("u"));
        m.put("CREATE ROLE", new Command.CreateRole("r"));
        m.put("DROP ROLE", new Command.DropRole("r"));
        m.put("GRANT ROLE", new Command.GrantRole("r", "u"));
        m.put("REVOKE ROLE", new Command.RevokeRole("r", "u"));
        m.put("GRANT PERMISSION", new Command.GrantPermission("read", "*", "r"));
        m.put("REVOKE PERMISSION", new Command.RevokePermission("read", "*", "r"));
        m.put("SHOW USERS", new Command.ShowUsers());
        m.put("SHOW ROLES", new Command.ShowRoles());
        m.put("SHOW GRANTS", new Command.ShowGrants());
        m.put("SHOW GRANTS FOR USER", new Command.ShowGrantsForUser("u"));
        m.put("SHOW GRANTS FOR ROLE", new Command.ShowGrantsForRole("r"));
        m.put("MULTI", new Command.Multi());
        m.put("EXEC", new Command.Exec());
        m.put("DISCARD", new Command.Discard());
        m.put("INFO", new Command.Info());
        m.put("METRICS", new Command.Metrics());
        m.put("METRICS PROM", new Command.MetricsProm());
        m.put("MAINTENANCE ON", new Command.MaintenanceOn());
        m.put("MAINTENANCE OFF", new Command.MaintenanceOff());
        m.put("MAINTENANCE STATUS", new Command.MaintenanceStatus());
        m.put("HEALTH", new Command.Health());
        m.put("SHOW CLUSTER", new Command.ShowCluster());
        m.put("SHOW REPLICATION", new Command.ShowReplication());
        m.put("CLUSTER JOIN", new Command.ClusterJoin("n2", "127.0.0.1:9174"));
        m.put("CLUSTER REMOVE", new Command.ClusterRemove("n2"));
        m.put("PROMOTE FOLLOWER", new Command.PromoteFollower());
        m.put("PAUSE REPLICATION", new Command.PauseReplication());
        m.put("RESUME REPLICATION", new Command.ResumeReplication());
        return m;
    }
}

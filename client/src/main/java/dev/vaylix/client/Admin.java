package dev.vaylix.client;

import java.util.Map;

/**
 * The administrative commands of one {@link VaylixClient} (COMMANDS.md §3.3, §3.4, §3.6): persistence and
 * backups, users, roles and grants, maintenance, metrics and cluster views. Each method is
 * {@code client.call(Requests.x(...))}; the exceptions are those of {@link VaylixClient}. Thread-safe.
 *
 * <p>Entries replies are returned as ordered maps in the server's order. Paths of BACKUP TO and the FROM forms
 * are resolved by the server inside its backup directory.
 */
public final class Admin {

    private final VaylixClient client;

    Admin(VaylixClient client) {
        this.client = client;
    }

    public void save() {
        client.call(Requests.save());
    }

    public void snapshot() {
        client.call(Requests.snapshot());
    }

    /** The logical backup JSON document. */
    public String backup() {
        return client.call(Requests.backup());
    }

    public void backupTo(String path) {
        client.call(Requests.backupTo(path));
    }

    public Map<String, String> backupVerify(String dumpJson) {
        return client.call(Requests.backupVerify(dumpJson));
    }

    public Map<String, String> backupVerifyFrom(String path) {
        return client.call(Requests.backupVerifyFrom(path));
    }

    /** The number of entries restored. */
    public long restore(String dumpJson) {
        return client.call(Requests.restore(dumpJson));
    }

    public long restoreFrom(String path) {
        return client.call(Requests.restoreFrom(path));
    }

    /** How many entries a restore would write; changes nothing. */
    public long restoreCheck(String dumpJson) {
        return client.call(Requests.restoreCheck(dumpJson));
    }

    public long restoreCheckFrom(String path) {
        return client.call(Requests.restoreCheckFrom(path));
    }

    public void createUser(String username, String password) {
        client.call(Requests.createUser(username, password));
    }

    public void alterUserPassword(String username, String password) {
        client.call(Requests.alterUserPassword(username, password));
    }

    public void dropUser(String username) {
        client.call(Requests.dropUser(username));
    }

    public void createRole(String role) {
        client.call(Requests.createRole(role));
    }

    public void dropRole(String role) {
        client.call(Requests.dropRole(role));
    }

    public void grantRole(String role, String username) {
        client.call(Requests.grantRole(role, username));
    }

    public void revokeRole(String role, String username) {
        client.call(Requests.revokeRole(role, username));
    }

    /** GRANT PERMISSION {@code permission} ON {@code pattern} TO {@code role} ({@code *} = every key). */
    public void grantPermission(String permission, String pattern, String role) {
        client.call(Requests.grantPermission(permission, pattern, role));
    }

    public void revokePermission(String permission, String pattern, String role) {
        client.call(Requests.revokePermission(permission, pattern, role));
    }

    public Map<String, String> showUsers() {
        return client.call(Requests.showUsers());
    }

    public Map<String, String> showRoles() {
        return client.call(Requests.showRoles());
    }

    public Map<String, String> showGrants() {
        return client.call(Requests.showGrants());
    }

    public Map<String, String> showGrantsForUser(String username) {
        return client.call(Requests.showGrantsForUser(username));
    }

    public Map<String, String> showGrantsForRole(String role) {
        return client.call(Requests.showGrantsForRole(role));
    }

    public Map<String, String> info() {
        return client.call(Requests.info());
    }

    public Map<String, String> metrics() {
        return client.call(Requests.metrics());
    }

    public String metricsProm() {
        return client.call(Requests.metricsProm());
    }

    public void maintenanceOn() {
        client.call(Requests.maintenanceOn());
    }

    public void maintenanceOff() {
        client.call(Requests.maintenanceOff());
    }

    public Map<String, String> maintenanceStatus() {
        return client.call(Requests.maintenanceStatus());
    }

    public Map<String, String> health() {
        return client.call(Requests.health());
    }

    public Map<String, String> showCluster() {
        return client.call(Requests.showCluster());
    }

    public Map<String, String> showReplication() {
        return client.call(Requests.showReplication());
    }

    public void clusterJoin(String nodeId, String address) {
        client.call(Requests.clusterJoin(nodeId, address));
    }

    public void clusterRemove(String nodeId) {
        client.call(Requests.clusterRemove(nodeId));
    }

    public void promoteFollower() {
        client.call(Requests.promoteFollower());
    }

    public void pauseReplication() {
        client.call(Requests.pauseReplication());
    }

    public void resumeReplication() {
        client.call(Requests.resumeReplication());
    }
}

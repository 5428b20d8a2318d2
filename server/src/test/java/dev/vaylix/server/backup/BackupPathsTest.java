package dev.vaylix.server.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupPathsTest {

    static final Bytes DUMP = Bytes.utf8("{\"version\":2}");
    static final Bytes SIDECAR = Bytes.utf8("{\"manifest_version\":1}");

    @TempDir
    Path temp;
    Path backups;
    Path outside;
    BackupPaths sandbox;

    @BeforeEach
    void setUp() throws IOException {
        backups = temp.resolve("data/backups");
        outside = Files.createDirectories(temp.resolve("outside"));
        sandbox = BackupPaths.open(backups);
    }

    static VaylixException fails(ErrorCode code, Runnable action) {
        VaylixException e = assertThrows(VaylixException.class, action::run);
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }

    @Test
    void opening_creates_the_backup_directory() {
        assertTrue(Files.isDirectory(backups));
        assertEquals(backups.toAbsolutePath().normalize(), sandbox.directory());
    }

    @Test
    void a_relative_path_writes_dump_and_sidecar_inside_and_leaves_no_temp_files() throws IOException {
        Path written = sandbox.writeBackup("nightly.json", DUMP, SIDECAR);
        assertEquals(backups.resolve("nightly.json"), written);
        assertEquals(DUMP, Bytes.of(Files.readAllBytes(backups.resolve("nightly.json"))));
        assertEquals(SIDECAR, Bytes.of(Files.readAllBytes(backups.resolve("nightly.json.manifest.json"))));
        assertEquals(List.of(backups, backups.resolve("nightly.json"), backups.resolve("nightly.json.manifest.json")), tree(backups));
    }

    @Test
    void missing_parents_are_created_inside() {
        sandbox.writeBackup("2026/11/dump.json", DUMP, SIDECAR);
        assertTrue(Files.isRegularFile(backups.resolve("2026/11/dump.json")));
        assertEquals(DUMP, sandbox.read("2026/11/dump.json", 1024));
    }

    @Test
    void rewriting_replaces_the_previous_backup_whole() throws IOException {
        sandbox.writeBackup("b.json", Bytes.utf8("a much longer previous dump"), SIDECAR);
        sandbox.writeBackup("b.json", DUMP, SIDECAR);
        assertEquals(DUMP, Bytes.of(Files.readAllBytes(backups.resolve("b.json"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.json", "x/../a.json", "..", "a/b/../../c.json", "./../x"})
    void any_dot_dot_component_is_refused_before_touching_the_disk(String path) throws IOException {
        List<Path> before = tree(temp);
        VaylixException e = fails(ErrorCode.SRV_027, () -> sandbox.writeBackup(path, DUMP, SIDECAR));
        assertEquals("backup path is outside the configured backup directory: " + path, e.getMessage());
        fails(ErrorCode.SRV_027, () -> sandbox.resolveForRead(path));
        assertEquals(before, tree(temp));
    }

    @Test
    void dots_inside_names_are_not_traversal() {
        sandbox.writeBackup("..hidden..json", DUMP, SIDECAR);
        assertTrue(Files.exists(backups.resolve("..hidden..json")));
    }

    @Test
    void absolute_paths_inside_are_accepted() {
        sandbox.writeBackup(backups.resolve("abs.json").toString(), DUMP, SIDECAR);
        assertEquals(DUMP, sandbox.read(backups.resolve("abs.json").toString(), 1024));
    }

    @Test
    void absolute_paths_outside_are_refused_and_create_nothing() throws IOException {
        // STORAGE.md Note 9: the reference created these directories before refusing.
        List<Path> before = tree(temp);
        String target = outside.resolve("new/dir/x.json").toString();
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup(target, DUMP, SIDECAR));
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup("/tmp/x.json", DUMP, SIDECAR));
        assertEquals(before, tree(temp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "./", "a\u0000b"})
    void the_directory_itself_and_invalid_paths_are_refused(String path) {
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup(path, DUMP, SIDECAR));
        fails(ErrorCode.SRV_027, () -> sandbox.resolveForRead(path));
    }

    @Test
    void the_directory_itself_by_absolute_path_is_refused() {
        fails(ErrorCode.SRV_027, () -> sandbox.resolveForRead(backups.toString()));
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup(backups.toString(), DUMP, SIDECAR));
    }

    @Test
    void a_directory_link_to_the_outside_is_refused_for_writing_and_reading() throws IOException {
        Files.createSymbolicLink(backups.resolve("escape"), outside);
        Files.writeString(outside.resolve("secret.json"), "secret");
        List<Path> before = tree(outside);
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup("escape/x.json", DUMP, SIDECAR));
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup("escape/deeper/x.json", DUMP, SIDECAR));
        fails(ErrorCode.SRV_027, () -> sandbox.read("escape/secret.json", 1024));
        assertEquals(before, tree(outside), "nothing written or created through the link");
    }

    @Test
    void a_directory_link_staying_inside_is_followed() throws IOException {
        Files.createDirectories(backups.resolve("real"));
        Files.createSymbolicLink(backups.resolve("alias"), backups.resolve("real"));
        sandbox.writeBackup("alias/x.json", DUMP, SIDECAR);
        assertTrue(Files.isRegularFile(backups.resolve("real/x.json")));
    }

    @Test
    void a_dangling_directory_link_is_refused() throws IOException {
        Files.createSymbolicLink(backups.resolve("nowhere"), outside.resolve("missing"));
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup("nowhere/x.json", DUMP, SIDECAR));
        assertFalse(Files.exists(outside.resolve("missing")));
    }

    @Test
    void a_final_component_link_is_never_written_through() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim.txt"), "untouched");
        Files.createSymbolicLink(backups.resolve("link.json"), victim);
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup("link.json", DUMP, SIDECAR));
        assertEquals("untouched", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(backups.resolve("link.json")));
    }

    @Test
    void a_sidecar_link_stops_the_whole_backup_before_the_dump_is_written() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim.txt"), "untouched");
        Files.createSymbolicLink(backups.resolve("d.json.manifest.json"), victim);
        fails(ErrorCode.SRV_027, () -> sandbox.writeBackup("d.json", DUMP, SIDECAR));
        assertFalse(Files.exists(backups.resolve("d.json")));
        assertEquals("untouched", Files.readString(victim));
    }

    @Test
    void reading_follows_a_final_link_only_when_it_stays_inside() throws IOException {
        Files.writeString(backups.resolve("real.json"), "inside");
        Files.createSymbolicLink(backups.resolve("alias.json"), backups.resolve("real.json"));
        assertEquals(Bytes.utf8("inside"), sandbox.read("alias.json", 1024));
        Files.writeString(outside.resolve("secret.json"), "secret");
        Files.createSymbolicLink(backups.resolve("leak.json"), outside.resolve("secret.json"));
        fails(ErrorCode.SRV_027, () -> sandbox.read("leak.json", 1024));
    }

    @Test
    void reading_a_missing_file_is_srv_004() {
        VaylixException e = fails(ErrorCode.SRV_004, () -> sandbox.read("absent.json", 1024));
        assertEquals("filesystem I/O failed: absent.json: no such file", e.getMessage());
    }

    @Test
    void reading_needs_a_regular_file_within_the_size_bound() throws IOException {
        Files.createDirectories(backups.resolve("dir.json"));
        fails(ErrorCode.SRV_004, () -> sandbox.read("dir.json", 1024));
        Files.write(backups.resolve("big.json"), new byte[2048]);
        fails(ErrorCode.SRV_004, () -> sandbox.read("big.json", 2047));
        assertEquals(2048, sandbox.read("big.json", 2048).length());
    }

    @Test
    void writing_over_a_directory_is_srv_004() throws IOException {
        Files.createDirectories(backups.resolve("taken"));
        fails(ErrorCode.SRV_004, () -> sandbox.writeBackup("taken", DUMP, SIDECAR));
    }

    @Test
    void a_file_in_the_middle_of_the_path_is_srv_004() throws IOException {
        Files.writeString(backups.resolve("file"), "x");
        fails(ErrorCode.SRV_004, () -> sandbox.writeBackup("file/x.json", DUMP, SIDECAR));
    }

    @Test
    void a_backup_directory_reached_through_a_link_accepts_both_spellings() throws IOException {
        Path realData = Files.createDirectories(temp.resolve("volume/backups"));
        Path link = Files.createSymbolicLink(temp.resolve("mnt"), temp.resolve("volume"));
        BackupPaths linked = BackupPaths.open(link.resolve("backups"));
        assertEquals(realData.toRealPath(), linked.directory());
        linked.writeBackup(link.resolve("backups/a.json").toString(), DUMP, SIDECAR);
        linked.writeBackup(realData.resolve("b.json").toString(), DUMP, SIDECAR);
        assertTrue(Files.exists(realData.resolve("a.json")));
        assertTrue(Files.exists(realData.resolve("b.json")));
        fails(ErrorCode.SRV_027, () -> linked.writeBackup(link.resolve("c.json").toString(), DUMP, SIDECAR));
    }

    @Test
    void a_backup_directory_that_is_a_file_cannot_be_opened() throws IOException {
        Path file = Files.writeString(temp.resolve("plain"), "x");
        fails(ErrorCode.SRV_004, () -> BackupPaths.open(file));
    }
}

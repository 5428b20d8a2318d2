package dev.vaylix.storage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary directories for tests on real files, on {@code /dev/shm} (tmpfs) when it exists.
 *
 * <p>The tests exercise the real {@code FileChannel}/mmap code with real system calls; on tmpfs an
 * fsync returns at once, which keeps the suite fast on a shared, busy disk. What an fsync guarantees
 * is tested separately, on the fault-injecting file system that models it. Set
 * {@code -Dvaylix.test.tmpdir=<dir>} to run them on another file system (for example a real disk).
 */
public final class FastTempDirs implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        String configured = System.getProperty("vaylix.test.tmpdir");
        Path base = configured != null ? Path.of(configured) : Path.of("/dev/shm");
        if (Files.isDirectory(base) && Files.isWritable(base)) {
            return Files.createTempDirectory(base, "vaylix-test-");
        }
        return Files.createTempDirectory("vaylix-test-");
    }

    @Override
    public void close() {
    }
}

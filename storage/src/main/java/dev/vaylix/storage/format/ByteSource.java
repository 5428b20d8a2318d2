package dev.vaylix.storage.format;

import dev.vaylix.api.io.StorageFile;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Positional read access to the bytes of one file, through a channel or a memory mapping. */
public interface ByteSource {

    /** The file, for error messages. */
    Path path();

    /**
     * Reads into {@code dst} from {@code position} until it is full or the source ends.
     *
     * @return bytes read; fewer than requested only at the end
     */
    int read(ByteBuffer dst, long position) throws IOException;

    static ByteSource of(StorageFile file) {
        return new ByteSource() {
            @Override
            public Path path() {
                return file.path();
            }

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return file.read(dst, position);
            }
        };
    }

    /**
     * The first {@code limit} bytes of a mapping. Reads beyond {@code limit} see nothing, which keeps
     * readers away from bytes a concurrent writer has not published yet.
     */
    static ByteSource of(Path path, MemorySegment mapping, long limit) {
        return new ByteSource() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public int read(ByteBuffer dst, long position) {
                long available = Math.max(0, limit - position);
                int n = (int) Math.min(dst.remaining(), available);
                if (n == 0) {
                    return 0;
                }
                MemorySegment.copy(mapping, position, MemorySegment.ofBuffer(dst).asSlice(0, n), 0, n);
                dst.position(dst.position() + n);
                return n;
            }
        };
    }
}

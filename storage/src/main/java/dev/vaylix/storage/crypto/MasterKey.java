package dev.vaylix.storage.crypto;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.storage.io.AtomicFile;
import dev.vaylix.storage.io.StorageErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's master key (256 bits), which wraps (encrypts) the keyring when given, as TiKV and
 * CockroachDB do. It is never stored in the data directory.
 *
 * <p>Sources, in the environment of the process:
 * <ul>
 *   <li>{@value #ENV_KEY_FILE}: path of a file holding the key as 64 hex digits (surrounding
 *       whitespace ignored) or as exactly 32 raw bytes;
 *   <li>{@value #ENV_KEY}: the key as 64 hex digits.
 * </ul>
 * Setting both is refused as ambiguous. A key must be 32 random bytes (for example
 * {@code openssl rand -hex 32}); it is not a password and is not stretched.
 */
public final class MasterKey {

    public static final String ENV_KEY_FILE = "VAYLIX_MASTER_KEY_FILE";
    public static final String ENV_KEY = "VAYLIX_MASTER_KEY";
    public static final int KEY_BYTES = 32;
    public static final int FINGERPRINT_BYTES = 16;
    private static final int FILE_BYTES_MAX = 4096;

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw StorageErrors.crypto("master key: expected 32 bytes (64 hex digits), got " + key.length + " bytes");
        }
        this.key = key.clone();
    }

    public static MasterKey ofBytes(byte[] key) {
        return new MasterKey(key);
    }

    /** Parses 64 hex digits. */
    public static MasterKey fromHex(String hex) {
        String trimmed = hex.strip();
        if (trimmed.length() != KEY_BYTES * 2) {
            throw StorageErrors.crypto("master key: expected 64 hex digits, got " + trimmed.length() + " characters");
        }
        try {
            return new MasterKey(HexFormat.of().parseHex(trimmed));
        } catch (IllegalArgumentException e) {
            throw StorageErrors.crypto("master key: not hexadecimal");
        }
    }

    /** Reads a key file: 64 hex digits, or 32 raw bytes. */
    public static MasterKey fromFile(FileIO io, Path path) {
        byte[] content;
        try {
            content = AtomicFile.readAll(io, path, FILE_BYTES_MAX);
        } catch (IOException e) {
            throw StorageErrors.crypto("master key file " + path + ": " + e.getMessage());
        }
        try {
            if (content.length == KEY_BYTES) {
                return new MasterKey(content);
            }
            return fromHex(new String(content, StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * The master key the environment names, if any.
     *
     * @param environment the process environment ({@code System.getenv()} in the server)
     * @throws dev.vaylix.api.VaylixException ENG-008 if both variables are set or the key is malformed
     */
    public static Optional<MasterKey> fromEnvironment(Map<String, String> environment, FileIO io) {
        String file = environment.get(ENV_KEY_FILE);
        String hex = environment.get(ENV_KEY);
        boolean hasFile = file != null && !file.isBlank();
        boolean hasHex = hex != null && !hex.isBlank();
        if (hasFile && hasHex) {
            throw StorageErrors.crypto("master key: both " + ENV_KEY_FILE + " and " + ENV_KEY + " are set; set one");
        }
        if (hasFile) {
            return Optional.of(fromFile(io, Path.of(file)));
        }
        return hasHex ? Optional.of(fromHex(hex)) : Optional.empty();
    }

    byte[] material() {
        return key.clone();
    }

    /**
     * {@code HMAC-SHA256(key, "vaylix master key fingerprint")}, first 16 bytes: stored in the wrapped
     * keyring's header so that a wrong key is reported as such rather than as damage. It reveals
     * nothing useful about a random 256-bit key.
     */
    byte[] fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal("vaylix master key fingerprint".getBytes(StandardCharsets.US_ASCII)), FINGERPRINT_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[fingerprint " + HexFormat.of().formatHex(fingerprint()) + "]";
    }
}

package dev.vaylix.api.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON number, held as its exact text so that no value is rounded through a {@code double}.
 *
 * <p>The text must match the RFC 8259 grammar {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}.
 * Equality is textual: {@code 1} and {@code 1.0} are different numbers here, as they are different
 * lexemes in a document. Numbers made from Java integers are written in plain decimal, as serde_json
 * writes integers.
 *
 * @param text the number exactly as it appears in (or will be written to) a document
 */
public record JsonNumber(String text) implements JsonValue {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public JsonNumber {
        Objects.requireNonNull(text, "text");
        int end = JsonText.scanNumber(text, 0);
        if (end != text.length() || text.isEmpty()) {
            throw new JsonException("invalid JSON number: " + Json.quote(text));
        }
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /** A u64 held in a {@code long} (two's complement), written as its unsigned decimal. */
    public static JsonNumber ofUnsigned(long value) {
        return new JsonNumber(Long.toUnsignedString(value));
    }

    public static JsonNumber of(BigInteger value) {
        return new JsonNumber(value.toString());
    }

    /** True if the text has no fraction and no exponent (serde_json's integer forms). */
    public boolean isInteger() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    /**
     * The value as an i64.
     *
     * @throws JsonException if the number is not an integer or does not fit
     */
    public long longValue() {
        BigInteger value = exactInteger("i64");
        if (value.bitLength() > 63) {
            throw new JsonException("invalid value: " + describe() + ", expected i64");
        }
        return value.longValue();
    }

    /**
     * The value as a u64, returned in a {@code long} (compare with {@link Long#compareUnsigned}).
     * {@code -0} is accepted as 0, as serde_json does.
     *
     * @throws JsonException if the number is not an integer in {@code 0 ..= 2^64-1}
     */
    public long unsignedLongValue() {
        BigInteger value = exactInteger("u64");
        if (value.signum() < 0 || value.compareTo(U64_MAX) > 0) {
            throw new JsonException("invalid value: " + describe() + ", expected u64");
        }
        return value.longValue();
    }

    /**
     * The value as a u32.
     *
     * @throws JsonException if the number is not an integer in {@code 0 ..= 2^32-1}
     */
    public long unsignedIntValue() {
        BigInteger value = exactInteger("u32");
        if (value.signum() < 0 || value.bitLength() > 32) {
            throw new JsonException("invalid value: " + describe() + ", expected u32");
        }
        return value.longValue();
    }

    public BigDecimal bigDecimalValue() {
        return new BigDecimal(text);
    }

    /** The nearest double (may round; never use it for u64 fields). */
    public double doubleValue() {
        return Double.parseDouble(text);
    }

    private BigInteger exactInteger(String expected) {
        if (!isInteger()) {
            throw new JsonException("invalid type: " + describe() + ", expected " + expected);
        }
        // Integer lexemes are bounded only by the document size; refuse absurd lengths before
        // BigInteger does quadratic work on them. 20 digits is u64's maximum, 40 leaves room for signs.
        if (text.length() > 40) {
            throw new JsonException("invalid value: integer with " + text.length() + " characters, expected " + expected);
        }
        return new BigInteger(text);
    }
}

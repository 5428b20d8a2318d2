package dev.vaylix.client.cli;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.client.ClientConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection string {@code vaylix://[user[:password]@]host[:port][?query]} (COMMANDS.md §11.2).
 *
 * <p>The scheme is matched case-insensitively and must be {@code vaylix} ({@code CLI-008 unsupported URL
 * scheme}); anything else that does not parse is {@code CLI-003} (the reference reports URL parse errors with
 * that code). The host defaults to {@code 127.0.0.1} and the port to 9173; an IPv6 literal keeps its brackets
 * ({@code [::1]}). A path or fragment is ignored. User name and password are percent-decoded (the reference used
 * them still encoded, Note 9); query names and values are form-decoded ({@code +} is a space).
 *
 * @param username non-empty user name from the URL, if any
 * @param password password from the URL, if any (may be empty)
 * @param host     host as written, or {@code 127.0.0.1}
 * @param port     0–65535
 * @param query    every query parameter in order, duplicates included
 */
public record ConnectionUrl(Optional<String> username, Optional<String> password, String host, int port,
                            List<Parameter> query) {

    /** One {@code name=value} pair of the query. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private static final String SCHEME = "vaylix";
    private static final int PORT_MAX = 0xFFFF;
    /** Characters a host may hold besides letters and digits (no percent-encoding, no separators). */
    private static final String HOST_PUNCTUATION = "-._~!$&'()*+,;=";

    public ConnectionUrl {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(host, "host");
        query = List.copyOf(query);
    }

    /** The first value of parameter {@code name}, if present. */
    public Optional<String> first(String name) {
        return query.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    /** True if any occurrence of {@code name} has a value equal to {@code value}, ignoring ASCII case. */
    public boolean anyEqualsIgnoreCase(String name, String value) {
        return query.stream().anyMatch(p -> p.name().equals(name) && p.value().equalsIgnoreCase(value));
    }

    /**
     * Parses {@code url}.
     *
     * @throws VaylixException {@code CLI-008 unsupported URL scheme}, or {@code CLI-003} for a malformed URL
     */
    public static ConnectionUrl parse(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !isScheme(url.substring(0, colon))) {
            throw malformed("relative URL without a scheme");
        }
        if (!url.substring(0, colon).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw ErrorCode.CLI_008.exception("unsupported URL scheme");
        }
        if (!url.startsWith("//", colon + 1)) {
            throw malformed("expected vaylix://");
        }
        String rest = url.substring(colon + 3);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int questionMark = rest.indexOf('?');
        String beforeQuery = questionMark >= 0 ? rest.substring(0, questionMark) : rest;
        List<Parameter> query = questionMark >= 0 ? parseQuery(rest.substring(questionMark + 1)) : List.of();
        int slash = beforeQuery.indexOf('/');
        String authority = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;

        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int split = userInfo.indexOf(':');
            String user = decodeStrict(split >= 0 ? userInfo.substring(0, split) : userInfo);
            username = user.isEmpty() ? Optional.empty() : Optional.of(user);
            password = split >= 0 ? Optional.of(decodeStrict(userInfo.substring(split + 1))) : Optional.empty();
        }
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw malformed("invalid IPv6 address");
            }
            host = authority.substring(0, close + 1);
            checkIpv6(host.substring(1, host.length() - 1));
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw malformed("invalid IPv6 address");
            }
            portText = after.isEmpty() ? "" : after.substring(1);
        } else {
            int portColon = authority.indexOf(':');
            host = portColon >= 0 ? authority.substring(0, portColon) : authority;
            portText = portColon >= 0 ? authority.substring(portColon + 1) : "";
            checkHost(host);
        }
        return new ConnectionUrl(username, password, host.isEmpty() ? ClientConfig.DEFAULT_HOST : host,
                parsePort(portText), query);
    }

    private static boolean isScheme(String text) {
        if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static void checkHost(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && HOST_PUNCTUATION.indexOf(c) < 0) {
                throw malformed("invalid character in host: '" + c + "'");
            }
        }
    }

    private static void checkIpv6(String address) {
        if (address.isEmpty()) {
            throw malformed("invalid IPv6 address");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!isAsciiDigit(c) && "abcdefABCDEF:.".indexOf(c) < 0) {
                throw malformed("invalid IPv6 address");
            }
        }
    }

    private static int parsePort(String text) {
        if (text.isEmpty()) {
            return ClientConfig.DEFAULT_PORT;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiDigit(c)) {
                throw malformed("invalid port number");
            }
            port = port * 10 + (c - '0');
            if (port > PORT_MAX) {
                throw malformed("invalid port number");
            }
        }
        return port;
    }

    private static List<Parameter> parseQuery(String query) {
        List<Parameter> parameters = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals >= 0 ? pair.substring(0, equals) : pair;
            String value = equals >= 0 ? pair.substring(equals + 1) : "";
            parameters.add(new Parameter(decodeForm(name), decodeForm(value)));
        }
        return parameters;
    }

    /** Percent-decoding of credentials; a result that is not UTF-8 is an error. */
    private static String decodeStrict(String text) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(percentDecode(text, false)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("user name or password is not UTF-8 after percent-decoding");
        }
    }

    /** application/x-www-form-urlencoded decoding, as query parameters are read: lenient, {@code +} = space. */
    private static String decodeForm(String text) {
        return new String(percentDecode(text, true), StandardCharsets.UTF_8);
    }

    /** Decodes {@code %XX} sequences; a {@code %} not followed by two hex digits stays as it is. */
    private static byte[] percentDecode(String text, boolean plusIsSpace) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%' && i + 2 < utf8.length && hexValue(utf8[i + 1]) >= 0 && hexValue(utf8[i + 2]) >= 0) {
                out.write(hexValue(utf8[i + 1]) * 16 + hexValue(utf8[i + 2]));
                i += 2;
            } else if (b == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static VaylixException malformed(String detail) {
        return ErrorCode.CLI_003.exception("invalid connection URL: " + detail);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "vaylix://" + username.map(u -> u + (password.isPresent() ? ":<redacted>" : "") + "@").orElse("")
                + host + ":" + port + (query.isEmpty() ? "" : "?" + query.size() + " parameters");
    }
}

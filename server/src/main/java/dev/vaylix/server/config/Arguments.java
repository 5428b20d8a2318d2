package dev.vaylix.server.config;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Raw values of one parsed command level, looked up command line first, then environment, with
 * typed conversions whose errors name where the bad text came from ({@code --port} or
 * {@code VAYLIX_PORT}) as {@link ErrorCode#SRV_030}. Not thread-safe; one per parse.
 */
final class Arguments {

    /** A value and where it came from: an option name, an environment variable or {@code default}. */
    record Raw(String text, String origin) {
    }

    private final ParseResult parsed;
    private final Map<String, String> env;
    private final EnumSet<ServerFlag> explicit = EnumSet.noneOf(ServerFlag.class);

    Arguments(ParseResult parsed, Map<String, String> env) {
        this.parsed = parsed;
        this.env = env;
    }

    static VaylixException invalid(String detail) {
        return ErrorCode.SRV_030.exception(detail);
    }

    EnumSet<ServerFlag> explicitlySet() {
        return explicit.clone();
    }

    boolean isSet(ServerFlag flag) {
        return commandLine(flag.longName()).isPresent() || environment(flag.envVar()).isPresent();
    }

    /** The flag's text from the command line or its variable, noting that it was given. */
    Optional<Raw> raw(ServerFlag flag) {
        Optional<Raw> raw = commandLine(flag.longName()).or(() -> environment(flag.envVar()));
        raw.ifPresent(r -> explicit.add(flag));
        return raw;
    }

    /** The flag's text, or its literal default. */
    Raw rawOrDefault(ServerFlag flag) {
        return raw(flag).orElseGet(() -> new Raw(flag.defaultText().orElseThrow(), "default of " + flag.longName()));
    }

    Optional<Raw> commandLine(String option) {
        OptionSpec spec = parsed.matchedOption(option);
        if (spec == null) {
            return Optional.empty();
        }
        Object value = spec.getValue();
        if (value instanceof List<?> list) {
            return Optional.of(new Raw(String.join(",", list.stream().map(String::valueOf).toList()), option));
        }
        return Optional.of(new Raw(String.valueOf(value), option));
    }

    Optional<Raw> environment(String variable) {
        return Optional.ofNullable(env.get(variable)).map(text -> new Raw(text, variable));
    }

    // ------------------------------------------------------------------ typed values

    String text(ServerFlag flag) {
        return rawOrDefault(flag).text();
    }

    Optional<String> optionalText(ServerFlag flag) {
        return raw(flag).map(Raw::text);
    }

    /** Text that must not be empty. */
    static String nonEmpty(Raw raw) {
        if (raw.text().isEmpty()) {
            throw invalid(raw.origin() + " must not be empty");
        }
        return raw.text();
    }

    long unsigned(ServerFlag flag, long min, long max) {
        return unsigned(rawOrDefault(flag), min, max);
    }

    /**
     * An unsigned decimal as Rust parses it: an optional {@code +}, then ASCII digits only; within
     * {@code [min, max]}.
     */
    static long unsigned(Raw raw, long min, long max) {
        String text = raw.text();
        int start = text.startsWith("+") ? 1 : 0;
        if (start == text.length()) {
            throw invalidNumber(raw, min, max);
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalidNumber(raw, min, max);
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw invalidNumber(raw, min, max);
            }
            value = value * 10 + digit;
        }
        if (value < min || value > max) {
            throw invalidNumber(raw, min, max);
        }
        return value;
    }

    private static VaylixException invalidNumber(Raw raw, long min, long max) {
        return invalid("invalid value for " + raw.origin() + ": " + raw.text() + " (expected an integer from " + min + " to " + max + ")");
    }

    /** A flag: given on the command line means true; its variable and defaults take {@code true}/{@code false}. */
    boolean bool(ServerFlag flag) {
        return bool(rawOrDefault(flag));
    }

    static boolean bool(Raw raw) {
        return switch (raw.text().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("invalid value for " + raw.origin() + ": " + raw.text() + " (expected true or false)");
        };
    }

    /** A comma list, trimmed, empty items dropped; repeated command-line occurrences are concatenated. */
    List<String> list(ServerFlag flag) {
        Optional<Raw> raw = raw(flag);
        List<String> items = new ArrayList<>();
        if (raw.isPresent()) {
            for (String item : raw.get().text().split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }
}

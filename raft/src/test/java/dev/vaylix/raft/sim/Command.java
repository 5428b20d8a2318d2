package dev.vaylix.raft.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario command line: {@code name arg arg key=value key=(a,b)}. Tokens are separated by
 * whitespace; a token with {@code =} is an option.
 */
record Command(String name, List<String> args, Map<String, String> options, String line) {

    static Command parse(String line) {
        String[] tokens = line.trim().split("\\s+");
        List<String> args = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                options.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
            } else {
                args.add(tokens[i]);
            }
        }
        return new Command(tokens[0], List.copyOf(args), Map.copyOf(options), line);
    }

    String arg(int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException("'" + line + "' needs argument " + (index + 1));
        }
        return args.get(index);
    }

    int intArg(int index, int fallback) {
        return index < args.size() ? Integer.parseInt(args.get(index)) : fallback;
    }

    boolean hasOption(String key) {
        return options.containsKey(key);
    }

    String option(String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + line + "' needs " + key + "=");
        }
        return value;
    }

    int intOption(String key, int fallback) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key)) : fallback;
    }

    /** {@code key=(a,b,c)} as a list; empty if absent. */
    List<String> listOption(String key) {
        return options.containsKey(key) ? parseList(options.get(key)) : List.of();
    }

    static List<String> parseList(String text) {
        String inner = text.startsWith("(") && text.endsWith(")") ? text.substring(1, text.length() - 1) : text;
        return inner.isEmpty() ? List.of() : Arrays.asList(inner.split(","));
    }
}

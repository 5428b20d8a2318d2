package dev.vaylix.client.cli;

import java.util.List;

/**
 * Turns command-line arguments, already split by the shell, into one line of the command language, so that
 * {@code vaylix-client set greeting "hello world"} sets the value {@code hello world}. Each argument becomes one
 * token: arguments that are empty or hold a separator, a quote or a backslash are written as quoted strings
 * with {@code "} and {@code \} escaped (the lexer keeps everything else inside quotes verbatim, line breaks
 * included; COMMANDS.md §1).
 */
final class ArgumentLine {

    private ArgumentLine() {
    }

    static String of(List<String> arguments) {
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            if (needsQuotes(argument)) {
                line.append('"');
                for (int i = 0; i < argument.length(); i++) {
                    char c = argument.charAt(i);
                    if (c == '"' || c == '\\') {
                        line.append('\\');
                    }
                    line.append(c);
                }
                line.append('"');
            } else {
                line.append(argument);
            }
        }
        return line.toString();
    }

    private static boolean needsQuotes(String argument) {
        if (argument.isEmpty()) {
            return true;
        }
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}

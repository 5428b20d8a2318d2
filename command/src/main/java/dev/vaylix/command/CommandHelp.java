package dev.vaylix.command;

/**
 * The help text of COMMANDS.md §11.5: the title {@code Vaylix command help}, an empty line, then a
 * {@code command | usage} table over {@link CommandForm} in its declared order.
 *
 * <p>Layout, the same as the CLI's table output: both columns left-aligned and padded with spaces to
 * their width, cells joined by {@code " | "}; under the header a rule of dashes joined by
 * {@code "-+-"}; lines joined by LF with no final line break. The name column is
 * max(7, longest name) wide and the usage column max(5, longest usage) (7 and 5 are the lengths of
 * the headers). Every name and usage is ASCII, so characters and bytes agree.
 */
public final class CommandHelp {

    private static final String TITLE = "Vaylix command help";
    private static final String NAME_HEADER = "command";
    private static final String USAGE_HEADER = "usage";

    private static final String TEXT = build();

    private CommandHelp() {
    }

    /** The help text; no trailing newline. */
    public static String text() {
        return TEXT;
    }

    private static String build() {
        int nameWidth = NAME_HEADER.length();
        int usageWidth = USAGE_HEADER.length();
        for (CommandForm form : CommandForm.values()) {
            nameWidth = Math.max(nameWidth, form.words().length());
            usageWidth = Math.max(usageWidth, form.usage().length());
        }
        StringBuilder out = new StringBuilder(TITLE).append('\n').append('\n');
        row(out, NAME_HEADER, nameWidth, USAGE_HEADER, usageWidth);
        out.append('\n').append("-".repeat(nameWidth)).append("-+-").append("-".repeat(usageWidth));
        for (CommandForm form : CommandForm.values()) {
            out.append('\n');
            row(out, form.words(), nameWidth, form.usage(), usageWidth);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, int nameWidth, String usage, int usageWidth) {
        out.append(name).append(" ".repeat(nameWidth - name.length()))
                .append(" | ")
                .append(usage).append(" ".repeat(usageWidth - usage.length()));
    }
}

package dev.vaylix.command;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A one-line, stable description of a parsed command for the command checker, showing how every
 * token was understood: {@code SET key="a" value="b c" condition=NX ifVersion=none expiration=EX(10)
 * keepTtl=false returnPrevious=false}.
 *
 * <p>The form is the command kind followed by every record component as {@code name=value}, in
 * declaration order. Text is shown in double quotes with Java-style escapes, so the description is
 * always one line; u64 numbers are shown unsigned; a value that is not valid UTF-8 as {@code 0x} hex.
 * A component named {@code password} is always shown as {@code <redacted>}.
 *
 * <p>Reads components by reflection so that a new command record is described without change here.
 */
final class CommandDescriber {

    private static final String PASSWORD_COMPONENT = "password";

    private CommandDescriber() {
    }

    static String describe(Command command) {
        StringBuilder out = new StringBuilder(command.type().name());
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            out.append(' ').append(component.getName()).append('=');
            if (component.getName().equals(PASSWORD_COMPONENT)) {
                out.append("<redacted>");
            } else {
                appendValue(out, read(component, command));
            }
        }
        return out.toString();
    }

    private static Object read(RecordComponent component, Command command) {
        try {
            return component.getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            // Command records are public with public accessors; failing here is a bug, not an input error.
            throw new IllegalStateException("cannot read " + component + " of " + command.type(), e);
        }
    }

    private static void appendValue(StringBuilder out, Object value) {
        switch (value) {
            case String text -> quote(out, text);
            case Key key -> quote(out, key.text());
            case Bytes bytes -> {
                if (bytes.isValidUtf8()) {
                    quote(out, bytes.utf8String());
                } else {
                    out.append("0x").append(bytes.toHex());
                }
            }
            case Long number -> out.append(Long.toUnsignedString(number)); // every long in a command is a u64
            case OptionalLong number -> out.append(number.isPresent() ? Long.toUnsignedString(number.getAsLong()) : "none");
            case OptionalInt number -> out.append(number.isPresent() ? Integer.toString(number.getAsInt()) : "none");
            case Optional<?> optional -> {
                if (optional.isPresent()) {
                    appendValue(out, optional.get());
                } else {
                    out.append("none");
                }
            }
            case Expiration expiration -> out.append(switch (expiration.kind()) {
                case NONE -> "none";
                case SECONDS -> "EX(" + Long.toUnsignedString(expiration.amount()) + ")";
                case MILLISECONDS -> "PX(" + Long.toUnsignedString(expiration.amount()) + ")";
            });
            case KeyValue entry -> {
                appendValue(out, entry.key());
                out.append('=');
                appendValue(out, entry.value());
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    appendValue(out, list.get(i));
                }
                out.append(']');
            }
            default -> out.append(value); // booleans and enums (SetCondition)
        }
    }

    /** {@code "text"} with {@code "}, {@code \} and control characters escaped. */
    static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

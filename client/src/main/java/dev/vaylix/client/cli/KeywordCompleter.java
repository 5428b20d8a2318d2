package dev.vaylix.client.cli;

import dev.vaylix.command.CommandForm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes command keywords from the command metadata ({@link CommandForm}): the command word first, then the
 * sub-command keywords of multi-word forms ({@code show} → {@code users}, {@code roles}, {@code grants}, …;
 * {@code show grants} → {@code for}). Arguments are never completed. Stateless.
 */
final class KeywordCompleter implements Completer {

    private static final List<String[]> FORMS = forms();

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> typed = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        for (String keyword : nextKeywords(typed)) {
            candidates.add(new Candidate(keyword));
        }
    }

    /** The keywords that can follow the words already typed, in help-table order, without duplicates. */
    static Set<String> nextKeywords(List<String> typed) {
        Set<String> next = new LinkedHashSet<>();
        for (String[] form : FORMS) {
            if (form.length > typed.size() && startsWith(form, typed)) {
                next.add(form[typed.size()]);
            }
        }
        return next;
    }

    private static boolean startsWith(String[] form, List<String> typed) {
        for (int i = 0; i < typed.size(); i++) {
            if (!form[i].equals(typed.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static List<String[]> forms() {
        List<String[]> forms = new ArrayList<>();
        for (CommandForm form : CommandForm.values()) {
            forms.add(form.words().split(" "));
        }
        return List.copyOf(forms);
    }
}

package org.homestretch.base;

import java.util.List;
import java.util.Optional;

/**
 * The one rule for text that people type and the app stores: any character may be kept exactly
 * as typed (markup, quotes, emoji, right-to-left text, formula signs) except hidden control
 * characters. Those, other than line breaks and tabs, are refused with a message next to the
 * field rather than dropped, so nothing typed is lost without the person knowing; the database
 * could not store some of them (NUL) and the others only hide text or break exports. Half an
 * emoji (a lone surrogate) is refused for the same reason. Right-to-left marks and isolates are
 * kept, because people writing Arabic or Hebrew need them; screens show stored text isolated
 * (see {@code unicode-bidi: isolate} in the style sheets) so it cannot reorder the text around it.
 * See SECURITY.md, "Hostile input".
 */
public final class UserText {

    public static final String MESSAGE = "This text has a hidden character that can't be saved "
            + "(character %d). Please type it again without it.";

    private UserText() {
    }

    /** Whether a character may be stored: everything but control characters (line break and tab are fine) and half emoji. */
    public static boolean allowed(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.SURROGATE;
    }

    /** Empty when the text may be stored, else the message to show next to its field. */
    public static Optional<String> check(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int position = 1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!allowed(cp)) {
                return Optional.of(MESSAGE.formatted(position));
            }
            i += Character.charCount(cp);
            position++;
        }
        return Optional.empty();
    }

    /** {@link #check(String)} for each line of a multi-line field; the first problem wins. */
    public static Optional<String> check(List<String> lines) {
        return lines == null ? Optional.empty()
                : lines.stream().map(UserText::check).flatMap(Optional::stream).findFirst();
    }

    /** Adds the field's problem, if any, to {@code problems}. */
    public static void check(List<FieldProblem> problems, String field, String text) {
        check(text).ifPresent(message -> problems.add(new FieldProblem(field, message)));
    }

    /**
     * Trims leading and trailing spaces and line breaks but never a control character, so a
     * refused character cannot slip away unnoticed at either end. {@code null} becomes "".
     */
    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        int start = 0, end = text.length();
        while (start < end && trimmable(text.charAt(start))) {
            start++;
        }
        while (end > start && trimmable(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean trimmable(char c) {
        return Character.isWhitespace(c) && allowed(c);
    }

    /**
     * Search words are never stored: hidden characters are simply left out of them, so a search
     * for pasted text still finds what it can instead of failing.
     */
    public static String searchable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(UserText::allowed).forEach(out::appendCodePoint);
        return strip(out.toString());
    }
}

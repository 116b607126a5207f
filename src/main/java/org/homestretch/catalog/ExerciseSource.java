package org.homestretch.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an exercise's facts come from, as stored in its {@code sources}: either one of the
 * source articles kept in {@code shared/seeds/} ("004_cbc88ff2fe6c04cc.txt") or a public page
 * written as {@code Title <https://address>}. Anything else (a clinic's own note) is shown as
 * plain text.
 */
public record ExerciseSource(String title, String url, boolean seed) {

    private static final Pattern SEED = Pattern.compile("\\d{3}_[0-9a-f]{16}\\.txt");
    private static final Pattern LINK = Pattern.compile("(.{3,200}?)\\s*<(https://[^\\s<>\"]{4,500})>");

    public static ExerciseSource parse(String source) {
        String text = source == null ? "" : source.strip();
        if (SEED.matcher(text).matches()) {
            return new ExerciseSource("Source article " + text, null, true);
        }
        Matcher link = LINK.matcher(text);
        if (link.matches()) {
            return new ExerciseSource(link.group(1).strip(), link.group(2), false);
        }
        return new ExerciseSource(text, null, false);
    }

    /** A seed article or a titled https address: what a built-in exercise must cite. */
    public boolean valid() {
        return seed || url != null;
    }
}

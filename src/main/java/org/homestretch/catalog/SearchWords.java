package org.homestretch.catalog;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plain words and conditions therapists search by ("sciatica", "can't get on the floor",
 * "desk"), read from {@code catalog/search-words.json}: each group of phrases stands for one
 * tag, and built-in exercises carry the tags they suit. New words are data, not code.
 */
@Component
class SearchWords {

    static final String RESOURCE = "catalog/search-words.json";

    record File(int version, List<Group> words) {
    }

    /** One tag and every way of asking for it. */
    record Group(String tag, List<String> phrases) {
    }

    private final List<Group> groups;

    SearchWords() {
        this.groups = load();
    }

    static List<Group> load() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, File.class).words();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every tag the file knows. */
    Set<String> tags() {
        Set<String> tags = new TreeSet<>();
        groups.forEach(g -> tags.add(g.tag()));
        return tags;
    }

    /**
     * The tags a search asks for: those whose tag or any phrase appears in the text as whole
     * words. Letter case and apostrophes don't count, so "can't" and "cant" are the same.
     */
    Set<String> tagsIn(String text) {
        String padded = " " + normalise(text) + " ";
        Set<String> found = new LinkedHashSet<>();
        if (padded.isBlank()) {
            return found;
        }
        for (Group group : groups) {
            if (padded.contains(" " + normalise(group.tag()) + " ")
                    || group.phrases().stream().anyMatch(p -> padded.contains(" " + normalise(p) + " "))) {
                found.add(group.tag());
            }
        }
        return found;
    }

    static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT)
                .replaceAll("['’‘`]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}

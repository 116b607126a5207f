package org.homestretch.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch–Kincaid grade level of English text, used to keep exercise steps easy for patients
 * to read (the built-in catalog aims for grade 7 or lower).
 *
 * <p>{@code grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59}
 *
 * <p>How the three counts are made:
 * <ul>
 *   <li><b>Words.</b> A word is a run of letters (any alphabet), which may hold an apostrophe
 *       between letters ({@code child's}, {@code don’t}). Hyphens, slashes and other marks split
 *       words, so {@code cat-camel} is two words. A number (a run of digits, which may hold
 *       {@code .} or {@code ,} between digits, such as {@code 1.5} or {@code 1,000}) is one word
 *       of one syllable: short figures such as "30" are read at a glance, and spelling them out
 *       to count syllables would punish text for being precise.</li>
 *   <li><b>Sentences.</b> A sentence ends at a run of {@code .}, {@code !} or {@code ?}, or at a
 *       line break, so steps joined with {@code "\n"} count as separate sentences even when one
 *       lacks a full stop. Text after the last end mark is one more sentence. A sentence needs at
 *       least one word, so "..." or blank lines add nothing. A point between digits is part of
 *       the number, not an end. Abbreviations such as "e.g." are not recognised and count as
 *       sentence ends, which makes a grade look easier; catalog text avoids them.</li>
 *   <li><b>Syllables</b> (per letter word, see {@link #countSyllables(String)}). Count the
 *       groups of vowels {@code a e i o u y} that stand next to each other. A {@code y} before
 *       another vowel counts as a consonant at the start of a word or after a vowel
 *       ({@code you}, {@code beyond}, {@code eye}), and as a syllable of its own after a
 *       consonant ({@code ly-ing}, {@code an-y-one}).
 *       Then take one away for a silent ending, when the letter before it is a consonant:
 *       a final {@code e} ({@code side}), but not {@code le} after a consonant ({@code gentle});
 *       a final {@code es}, but not after {@code s x z c g ch sh} ({@code places}) nor
 *       {@code les} after a consonant ({@code ankles}); a final {@code ed}, but not after
 *       {@code t} or {@code d} ({@code lifted}). Every word has at least one syllable. Only
 *       the letters a–z count as vowels, so accented vowels are treated as consonants.</li>
 * </ul>
 *
 * <p>This is the usual heuristic, not a dictionary: it is right for most short everyday words
 * and may be one off for words such as {@code idea} or {@code create}. Text with no words has
 * grade {@code 0.0}.
 */
public final class Readability {

    /** A number, a letter word, or a sentence end, in the order they appear. */
    private static final Pattern TOKEN = Pattern.compile(
            "(\\d+(?:[.,]\\d+)*)|(\\p{L}+(?:['’]\\p{L}+)*)|([.!?]+|\\R)");

    private Readability() {
    }

    /**
     * The Flesch–Kincaid grade of {@code text}; {@code 0.0} when it has no words or is
     * {@code null}. Lower is easier: grade 6 suits an average 11- to 12-year-old reader.
     */
    public static double fleschKincaidGrade(String text) {
        return count(text).grade();
    }

    /**
     * The grade of exercise steps read one after the other. Each step is at least one sentence,
     * whether or not it ends with a full stop.
     */
    public static double fleschKincaidGrade(List<String> steps) {
        return fleschKincaidGrade(String.join("\n", steps));
    }

    /** The word, sentence and syllable counts behind a grade. */
    record Counts(int words, int sentences, int syllables) {

        double grade() {
            if (words == 0) {
                return 0.0;
            }
            return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        }
    }

    /** Counts words, sentences and syllables as described in the class comment. */
    static Counts count(String text) {
        if (text == null || text.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        boolean sentenceHasWords = false;
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            if (token.group(1) != null) {
                words++;
                syllables++;
                sentenceHasWords = true;
            } else if (token.group(2) != null) {
                words++;
                syllables += countSyllables(token.group(2));
                sentenceHasWords = true;
            } else if (sentenceHasWords) {
                sentences++;
                sentenceHasWords = false;
            }
        }
        if (sentenceHasWords) {
            sentences++; // text that trails off without an end mark is still a sentence
        }
        return new Counts(words, sentences, syllables);
    }

    /**
     * Estimated syllables in one word by the vowel-group rule in the class comment; at least 1
     * for any word with a letter, 0 for a blank or letterless string.
     */
    static int countSyllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        if (w.isEmpty()) {
            return 0;
        }
        int groups = 0;
        boolean inGroup = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = isVowelAt(w, i);
            if (vowel && !inGroup) {
                groups++;
            }
            // A y between a consonant and a vowel is a syllable of its own: ly-ing, an-y-one.
            inGroup = vowel && !(w.charAt(i) == 'y' && i + 1 < w.length() && isVowelLetter(w.charAt(i + 1)));
        }
        if (hasSilentEnding(w)) {
            groups--;
        }
        return Math.max(1, groups);
    }

    /** True when the word ends in an e that is usually not spoken as its own syllable. */
    private static boolean hasSilentEnding(String w) {
        int n = w.length();
        if (n >= 2 && w.endsWith("e") && isConsonantAt(w, n - 2)) {
            // "-le" after a consonant is spoken: gen-tle, an-kle.
            return !(w.endsWith("le") && n >= 3 && isConsonantAt(w, n - 3));
        }
        if (n >= 3 && w.endsWith("es") && isConsonantAt(w, n - 3)) {
            char before = w.charAt(n - 3);
            if ("sxzcg".indexOf(before) >= 0 || w.endsWith("ches") || w.endsWith("shes")) {
                return false; // pla-ces, box-es, stretch-es
            }
            return !(w.endsWith("les") && n >= 4 && isConsonantAt(w, n - 4)); // an-kles
        }
        if (n >= 3 && w.endsWith("ed") && isConsonantAt(w, n - 3)) {
            char before = w.charAt(n - 3);
            return before != 't' && before != 'd'; // lift-ed, need-ed are spoken
        }
        return false;
    }

    private static boolean isVowelAt(String w, int i) {
        char c = w.charAt(i);
        if (c == 'y') {
            // y before a vowel, at the start or after a vowel, sounds like a consonant:
            // you, beyond, eye, player.
            boolean beforeVowel = i + 1 < w.length() && isVowelLetter(w.charAt(i + 1));
            boolean afterConsonant = i > 0 && !isVowelLetter(w.charAt(i - 1)) && w.charAt(i - 1) != 'y';
            return !beforeVowel || afterConsonant;
        }
        return isVowelLetter(c);
    }

    private static boolean isVowelLetter(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static boolean isConsonantAt(String w, int i) {
        return !isVowelAt(w, i);
    }
}

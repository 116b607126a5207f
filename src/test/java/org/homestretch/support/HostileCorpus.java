package org.homestretch.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The shipped hostile-input corpus ({@code hostile/corpus.json}): markup and script, SQL,
 * spreadsheet formulas, very long text, every control character, right-to-left overrides,
 * invisible characters, emoji, combining marks, half emoji, path and template tricks; plus byte
 * sequences that are not UTF-8 for raw posts. And a tally of what became of each input.
 */
public final class HostileCorpus {

    private static final JsonNode CORPUS = load();

    private HostileCorpus() {
    }

    public static List<String> strings() {
        List<String> all = new ArrayList<>();
        CORPUS.get("strings").forEach(n -> all.add(n.stringValue()));
        return all;
    }

    /** Every {@code every}-th entry, starting at {@code offset}: for fields where the full corpus would be slow. */
    public static List<String> sample(int every, int offset) {
        List<String> all = strings();
        return IntStream.range(0, all.size()).filter(i -> i % every == offset % every).mapToObj(all::get).toList();
    }

    public static List<byte[]> invalidUtf8() {
        List<byte[]> all = new ArrayList<>();
        CORPUS.get("rawUtf8").forEach(n -> all.add(HexFormat.ofDelimiter(" ").parseHex(n.stringValue())));
        return all;
    }

    /** Corpus entries long enough that finding one in a log line means it came from the input. */
    public static List<String> traceable() {
        return strings().stream().filter(s -> s.strip().length() > 6).toList();
    }

    /** A short, printable stand-in for an entry in assertion messages (never the raw entry: it may hold NUL). */
    public static String describe(String entry) {
        String shown = entry.codePoints().limit(40)
                .mapToObj(cp -> cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || Character.getType(cp) == Character.SURROGATE
                        ? String.format("\\u%04X", cp) : Character.toString(cp))
                .reduce("", String::concat);
        return "[" + shown + (entry.length() > 40 ? "... (" + entry.length() + " chars)" : "") + "]";
    }

    private static JsonNode load() {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/corpus.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What became of the inputs of one test; printed so the figures can be quoted. */
    public static final class Tally {
        private final String name;
        private final Set<String> fields = new LinkedHashSet<>();
        private int tried, stored, refused, errors;
        private final List<String> failures = new ArrayList<>();

        public Tally(String name) {
            this.name = name;
        }

        public void stored(String field) {
            fields.add(field);
            tried++;
            stored++;
        }

        public void refused(String field) {
            fields.add(field);
            tried++;
            refused++;
        }

        /** A server error or a value neither stored exactly nor refused with a message. */
        public void failed(String field, String entry, String what) {
            fields.add(field);
            tried++;
            errors++;
            failures.add(field + " " + describe(entry) + ": " + what);
        }

        public int tried() {
            return tried;
        }

        public List<String> failures() {
            return failures;
        }

        public String figures() {
            return "HOSTILE INPUT " + name + ": inputs tried " + tried + ", fields covered " + fields.size() + " "
                    + fields + ", stored exactly " + stored + ", refused with message " + refused
                    + ", server errors or lost values " + errors;
        }

        public void print() {
            System.out.println(figures());
        }
    }
}

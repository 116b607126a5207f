package org.homestretch.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Brings the built-in exercises in the database up to date with the ones shipped in the jar,
 * at every start: new ones are added, changed ones rewritten, dropped ones archived. Clinics'
 * own exercises are never touched.
 */
@Component
@Order(0)
class BuiltInCatalog implements ApplicationRunner {

    static final String RESOURCE = "catalog/builtin-exercises.json";

    private static final Logger log = LoggerFactory.getLogger(BuiltInCatalog.class);

    /** The shipped file's shape; see docs/CATALOG.md. */
    record File(int version, List<Entry> exercises) {
    }

    record Entry(String slug, String name, List<String> aliases, String purpose, Position position,
                 Set<BodyArea> bodyAreas, Set<Equipment> equipment, boolean inBed, BestTime bestTime,
                 List<String> steps, List<String> tips, List<String> stopIf, Dosage dosage, List<String> sources,
                 List<String> tags) {

        Entry {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        ExerciseContent content() {
            return new ExerciseContent(name, aliases, purpose, position, bodyAreas, equipment, inBed, bestTime,
                    steps, tips, stopIf, dosage);
        }
    }

    private final ExerciseRepository exercises;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    BuiltInCatalog(ExerciseRepository exercises, Clock clock) {
        this.exercises = exercises;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        List<Entry> entries = load();
        int changed = 0;
        for (Entry entry : entries) {
            if (exercises.upsertBuiltIn(entry.slug(), entry.content(), entry.sources(), entry.tags(), hash(entry),
                    clock.instant())) {
                changed++;
            }
        }
        int archived = exercises.archiveBuiltInsExcept(entries.stream().map(Entry::slug).toList());
        log.info("Built-in catalog: {} exercises shipped, {} added or updated, {} archived",
                entries.size(), changed, archived);
    }

    List<Entry> load() throws IOException {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            File file = json.readValue(in, File.class);
            Set<String> knownTags = new SearchWords().tags();
            for (Entry entry : file.exercises()) {
                var problems = entry.content().problems();
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("Built-in exercise " + entry.slug() + " is invalid: " + problems);
                }
                // A tag nobody can type would never be found: each must be a group of search-words.json.
                if (!knownTags.containsAll(entry.tags())) {
                    throw new IllegalStateException("Built-in exercise " + entry.slug() + " has a tag not in "
                            + SearchWords.RESOURCE + ": " + entry.tags());
                }
                for (String source : entry.sources()) {
                    if (!ExerciseSource.parse(source).valid()) {
                        throw new IllegalStateException("Built-in exercise " + entry.slug()
                                + " has a source that is neither a seed article nor \"Title <https://…>\": " + source);
                    }
                }
            }
            return file.exercises();
        }
    }

    private String hash(Entry entry) {
        try {
            byte[] canonical = json.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

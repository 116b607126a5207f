package org.homestretch.program;

import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.ExerciseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The routines of the source articles as templates, with each exercise's default dosage
 * (itself taken from the articles). Added once; a template already present is left as it is.
 */
@Component
@Order(1) // after the built-in catalog
class BuiltInTemplates implements ApplicationRunner {

    static final String RESOURCE = "program/builtin-templates.json";

    private static final Logger log = LoggerFactory.getLogger(BuiltInTemplates.class);

    record File(int version, List<Entry> templates) {
    }

    /** {@code notes}: an optional note per exercise slug, printed with it (the sciatica warning signs). */
    record Entry(String slug, String name, String source, List<String> exercises, Map<String, String> notes) {

        Entry {
            notes = notes == null ? Map.of() : Map.copyOf(notes);
        }
    }

    private final ProgramRepository programs;
    private final JdbcClient jdbc;
    private final Clock clock;

    BuiltInTemplates(ProgramRepository programs, JdbcClient jdbc, Clock clock) {
        this.programs = programs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        int added = 0;
        for (Entry entry : load()) {
            if (programs.findBuiltInTemplate(entry.slug()).isPresent()) {
                continue;
            }
            List<ProgramItem> items = new ArrayList<>();
            for (String slug : entry.exercises()) {
                items.add(builtInItem(slug).withNote(entry.notes().getOrDefault(slug, "")));
            }
            ProgramId id = programs.insertTemplate(null, entry.name(), Template.Scope.BUILT_IN, entry.slug(), null,
                    clock.instant());
            programs.advance(id, 0, 1, clock.instant());
            programs.insertVersion(id, 1, null, List.of("From " + entry.source()), items, clock.instant());
            added++;
        }
        log.info("Built-in templates: {} added", added);
    }

    List<Entry> load() throws IOException {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, File.class).templates();
        }
    }

    /** Built-in exercises are shared by every clinic, so reading them needs no signed-in user. */
    private ProgramItem builtInItem(String slug) {
        return jdbc.sql("""
                        select id, name, sets, repetitions, hold_seconds, sides, times_per_day, days_per_week, minutes
                        from exercise where slug = :slug and clinic_id is null""")
                .param("slug", slug)
                .query((rs, i) -> new ProgramItem(new ExerciseId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        new Dosage(rs.getInt("sets"), rs.getInt("repetitions"), rs.getInt("hold_seconds"),
                                org.homestretch.catalog.Sides.valueOf(rs.getString("sides")),
                                rs.getInt("times_per_day"), rs.getInt("days_per_week"), rs.getInt("minutes")), ""))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Built-in template names unknown exercise " + slug));
    }
}

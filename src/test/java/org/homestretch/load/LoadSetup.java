package org.homestretch.load;

import org.homestretch.Application;
import org.homestretch.checkin.AccessService;
import org.homestretch.generator.DataGenerator;
import org.homestretch.patient.PatientId;
import org.homestretch.support.TestSignIn;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The app on a random port with a throw-away embedded database, filled by {@code generate-data}
 * (one clinic, 20 therapists, 1,000 patients each with a program and a year of check-ins), then
 * today's generated check-ins removed so that every patient has today's session still to do,
 * and a phone link issued for each patient through {@link AccessService}, as printing a
 * handout does.
 */
final class LoadSetup {

    /** The password {@code generate-data} gives every account (test databases only). */
    static final String PASSWORD = "generated-stretch-data-2026";
    static final int THERAPISTS = 20;
    static final int PATIENTS = 1_000;

    record Therapist(String email, List<UUID> handouts) {
    }

    final ConfigurableApplicationContext context;
    final String base;
    final LocalDate today;
    /** Path of each patient's phone link ({@code /p/<token>}), one per patient. */
    final List<String> links = new ArrayList<>();
    final List<Therapist> therapists = new ArrayList<>();
    final double seconds;

    LoadSetup() {
        long started = System.nanoTime();
        context = SpringApplication.run(Application.class, "--spring.profiles.active=test", "--server.port=0",
                "--logging.level.root=warn", "--homestretch.public-url=http://localhost",
                // generate-data's bulk statements take longer than the 10 s read limit meant for requests
                // (its command line raises it the same way); the table's max column shows no request nears 10 s.
                "--homestretch.database.socket-timeout=10m");
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();

        ByteArrayOutputStream generatorOut = new ByteArrayOutputStream();
        int exit = context.getBean(DataGenerator.class).run(new String[] {"--clinics=1", "--therapists=" + THERAPISTS,
                "--patients=" + PATIENTS, "--exercises=0", "--days=365"}, new PrintStream(generatorOut, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("generate-data failed: " + generatorOut.toString(StandardCharsets.UTF_8));
        }
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        ZoneId zone = ZoneId.of(jdbc.sql("select time_zone from clinic").query(String.class).single());
        today = LocalDate.now(context.getBean(Clock.class).withZone(zone));
        jdbc.sql("delete from checkin_exercise where checkin_id in (select id from checkin where local_date >= ?)")
                .param(today).update();
        jdbc.sql("delete from checkin where local_date >= ?").param(today).update();

        String admin = jdbc.sql("select email from app_user where role = 'ADMIN'").query(String.class).single();
        AccessService access = context.getBean(AccessService.class);
        TestSignIn.as(context.getBean(UserDetailsService.class), admin);
        try {
            for (UUID patient : jdbc.sql("select id from patient order by id").query(UUID.class).list()) {
                links.add(URI.create(access.ensure(new PatientId(patient)).orElseThrow().link()).getPath());
            }
        } finally {
            TestSignIn.out();
        }

        // Each therapist prints the current handouts of their own patients.
        Map<String, List<UUID>> handouts = jdbc.sql("""
                        select u.email, v.id from app_user u
                        join patient p on p.therapist_id = u.id
                        join program pr on pr.patient_id = p.id
                        join program_version v on v.program_id = pr.id and v.number = pr.current_version
                        where u.role = 'THERAPIST' order by u.email, p.id""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, java.util.TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        handouts.forEach((email, ids) -> therapists.add(new Therapist(email, ids)));
        if (links.size() != PATIENTS || therapists.size() != THERAPISTS) {
            throw new IllegalStateException("Set-up made " + links.size() + " links and " + therapists.size() + " therapists");
        }
        seconds = (System.nanoTime() - started) / 1e9;
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }
}

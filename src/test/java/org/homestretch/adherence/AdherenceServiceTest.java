package org.homestretch.adherence;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.AccountService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.UserId;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The dashboard's SQL and the patient's figures on a real PostgreSQL, with a fixed "today". */
@SpringBootTest
@ActiveProfiles("test")
class AdherenceServiceTest {

    @Autowired
    AdherenceService adherence;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    AccountService accounts;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AdherenceRepository repository;
    @Autowired
    java.time.Clock clock;

    TestAccounts clinic;
    AdherenceFixture fx;
    UserId me;

    static final AdherenceService.DashboardQuery ALL = new AdherenceService.DashboardQuery(false, Set.of());
    static final AdherenceService.DashboardQuery MINE = new AdherenceService.DashboardQuery(true, Set.of());

    @BeforeEach
    void signIn() {
        clinic = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        me = accounts.currentUserId();
        // Days are counted back from the clinic's today, so that the shared application clock can stay real.
        fx = new AdherenceFixture(patients, programs, catalog, jdbc,
                LocalDate.now(clock.withZone(AdherenceFixture.BERLIN)));
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private List<String> names(List<Attention> page) {
        return page.stream().map(a -> a.firstName()).toList();
    }

    @Test
    void the_dashboard_sorts_by_need_and_gives_each_reason_its_figure() {
        var v = new AdherenceFixture.V(30, 1, 7);
        Patient fine = fx.patient("Fiona", "Fine", me, v);
        fx.doneDaily(fine, 29, 0, 1);
        Patient warning = fx.patient("Walter", "Warning", me, v);
        fx.doneDaily(warning, 29, 0, 1);
        fx.checkin(warning, 2, 2, "DONE", 3, "NUMBNESS_TINGLING");
        Patient high = fx.patient("Hana", "High", me, v);
        fx.doneDaily(high, 29, 2, 1);
        fx.checkin(high, 1, 1, "DONE", 8, null);
        Patient rising = fx.patient("Rita", "Rising", me, v);
        fx.doneDaily(rising, 29, 14, 1);
        for (int day = 13; day >= 0; day--) {
            fx.checkin(rising, day, 1, "DONE", day >= 7 ? 2 : 5, null);
        }
        Patient quiet = fx.patient("Quentin", "Quiet", me, v);
        fx.doneDaily(quiet, 29, 5, 1);
        Patient low = fx.patient("Lou", "Low", me, v);
        for (int day = 29; day >= 1; day--) {
            fx.checkin(low, day, 1, day % 3 == 0 ? "DONE" : "SKIPPED", null, null);
        }
        Patient theirs = fx.patient("Theo", "Theirs", null, v);
        fx.doneDaily(theirs, 29, 8, 1);
        Patient archived = fx.patient("Archie", "Archived", me, v);
        patients.setArchived(archived.id(), true);
        patients.create(new org.homestretch.patient.PatientDetails("Nora", "Noprogram", null, "", "", "en", me, ""));

        List<Attention> mine = adherence.page(MINE, 0, 50);
        assertThat(names(mine)).containsExactly("Walter", "Hana", "Rita", "Quentin", "Lou", "Fiona");
        assertThat(adherence.count(MINE)).isEqualTo(6);
        assertThat(mine.get(0).reasons()).containsExactly(Reason.RED_FLAG);
        assertThat(Badges.text(mine.get(0), Reason.RED_FLAG)).isEqualTo("Numbness or tingling \u00b7 2 days ago");
        assertThat(mine.get(1).reasons()).containsExactly(Reason.PAIN);
        assertThat(Badges.text(mine.get(1), Reason.PAIN)).isEqualTo("Pain 8/10");
        assertThat(Badges.text(mine.get(2), Reason.PAIN)).isEqualTo("Pain rising 2 \u2192 5");
        assertThat(mine.get(3).reasons()).containsExactlyInAnyOrder(Reason.NO_CHECKIN, Reason.LOW_ADHERENCE);
        assertThat(Badges.text(mine.get(3), Reason.NO_CHECKIN)).isEqualTo("No check-in for 5 days");
        assertThat(mine.get(3).week().countText()).isEqualTo("2 of 6 sessions");
        assertThat(mine.get(4).reasons()).containsExactly(Reason.LOW_ADHERENCE);
        assertThat(Badges.text(mine.get(4), Reason.LOW_ADHERENCE)).isEqualTo("33 % this week");
        assertThat(mine.get(5).reasons()).isEmpty();
        assertThat(mine.get(5).week().percentText()).isEqualTo("100 %");

        // The whole clinic adds the colleague's patient (same reasons as Quentin, lower week: first);
        // archived and program-less records never show.
        assertThat(names(adherence.page(ALL, 0, 50))).containsExactly("Walter", "Hana", "Rita", "Theo", "Quentin",
                "Lou", "Fiona");
        // Pages continue where the last one stopped.
        assertThat(names(adherence.page(MINE, 2, 2))).containsExactly("Rita", "Quentin");
        // Filters keep patients flagged for any chosen reason.
        var quietOnly = new AdherenceService.DashboardQuery(true, Set.of(Reason.NO_CHECKIN));
        assertThat(names(adherence.page(quietOnly, 0, 50))).containsExactly("Quentin");
        assertThat(adherence.count(quietOnly)).isEqualTo(1);
        var painOrLow = new AdherenceService.DashboardQuery(true, Set.of(Reason.PAIN, Reason.LOW_ADHERENCE));
        assertThat(names(adherence.page(painOrLow, 0, 50))).containsExactly("Hana", "Rita", "Quentin", "Lou");
    }

    @Test
    void an_emergency_sign_comes_before_any_other_warning_sign_and_is_named_as_such() {
        var v = new AdherenceFixture.V(30, 1, 7);
        Patient urgent = fx.patient("Anna", "Able", me, v);
        fx.doneDaily(urgent, 29, 0, 1);
        fx.checkin(urgent, 1, 2, "DONE", 3, "SHARP_PAIN");
        Patient emergency = fx.patient("Zeno", "Zorn", me, v);
        fx.doneDaily(emergency, 29, 0, 1);
        fx.checkin(emergency, 3, 2, "DONE", 3, "SADDLE_NUMBNESS");

        List<Attention> page = adherence.page(MINE, 0, 10);
        assertThat(names(page)).containsExactly("Zeno", "Anna");
        assertThat(Badges.of(page.get(0), java.time.ZoneOffset.UTC).getFirst().getText())
                .isEqualTo("\u26a0 Emergency sign: Numb skin around your private parts, bottom or inner thighs \u00b7 3 days ago");
        assertThat(Badges.of(page.get(1), java.time.ZoneOffset.UTC).getFirst().getText())
                .isEqualTo("\u26a0 Sharp pain \u00b7 yesterday");
    }

    @Test
    void a_review_moves_the_patient_down_until_a_new_report_raises_the_same_reason() {
        var v = new AdherenceFixture.V(30, 1, 7);
        Patient warning = fx.patient("Walter", "Warning", me, v);
        fx.doneDaily(warning, 29, 0, 1);
        fx.checkin(warning, 3, 2, "DONE", null, "SHARP_PAIN");
        Patient quiet = fx.patient("Quentin", "Quiet", me, v);
        fx.doneDaily(quiet, 29, 4, 1);
        assertThat(names(adherence.page(MINE, 0, 10))).containsExactly("Walter", "Quentin");

        java.time.Instant before = clock.instant();
        adherence.markReviewed(warning.id(), Reason.RED_FLAG);
        List<Attention> page = adherence.page(MINE, 0, 10);
        assertThat(names(page)).containsExactly("Quentin", "Walter");
        Attention reviewed = page.get(1);
        assertThat(reviewed.reasons()).containsExactly(Reason.RED_FLAG);
        assertThat(reviewed.needs(Reason.RED_FLAG)).isFalse();
        assertThat(reviewed.review(Reason.RED_FLAG).orElseThrow().reviewer()).isEqualTo("Theo Therapist");
        assertThat(reviewed.review(Reason.RED_FLAG).orElseThrow().at()).isBetween(before, clock.instant());

        // A new warning symptom, reported after the review, needs a new look.
        fx.checkin(warning, 0, 2, "DONE", null, "NEW_WEAKNESS", clock.instant().plusSeconds(1));
        assertThat(names(adherence.page(MINE, 0, 10))).containsExactly("Walter", "Quentin");
        assertThat(adherence.page(MINE, 0, 10).getFirst().needs(Reason.RED_FLAG)).isTrue();
    }

    @Test
    void withdrawn_checkins_never_count() {
        Patient p = fx.patient("Wanda", "Withdrawn", me, new AdherenceFixture.V(30, 1, 7));
        fx.doneDaily(p, 29, 1, 1);
        fx.withdraw(fx.checkin(p, 0, 1, "DONE", 9, "SHARP_PAIN"));
        Attention a = adherence.page(MINE, 0, 10).getFirst();
        assertThat(a.reasons()).isEmpty();
        assertThat(a.maxPain()).isNull();
        assertThat(adherence.patient(p.id()).orElseThrow().days()).doesNotContainKey(fx.today);
    }

    @Test
    void the_dashboards_sql_gives_the_same_figures_as_the_formula_on_generated_data() {
        Random random = new Random(20261126);
        List<Patient> generated = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            int began = 3 + random.nextInt(50);
            List<AdherenceFixture.V> versions = new ArrayList<>();
            int at = began;
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                versions.add(new AdherenceFixture.V(at, 1 + random.nextInt(3), 3 + random.nextInt(5)));
                at = Math.max(0, at - random.nextInt(20));
            }
            Patient p = fx.patient("Gen" + n, "Erated", me, versions.toArray(AdherenceFixture.V[]::new));
            for (int day = began; day >= 0; day--) {
                for (int s = 1; s <= 1 + random.nextInt(4); s++) {
                    if (random.nextDouble() < 0.6) {
                        fx.checkin(p, day, s, random.nextDouble() < 0.8 ? "DONE" : "SKIPPED", null, null);
                    }
                }
            }
            generated.add(p);
        }
        Map<String, Attention> fromSql = new HashMap<>();
        adherence.page(MINE, 0, 100).forEach(a -> fromSql.put(a.firstName(), a));
        assertThat(fromSql).hasSize(generated.size());
        for (Patient p : generated) {
            PatientAdherence fromJava = adherence.patient(p.id()).orElseThrow();
            Attention sql = fromSql.get(p.details().firstName());
            assertThat(sql.week().done()).as(p.details().firstName()).isEqualTo(fromJava.week().done());
            assertThat(sql.week().prescribed()).as(p.details().firstName())
                    .isCloseTo(fromJava.week().prescribed(), within(1e-6));
            assertThat(sql.month().done()).isEqualTo(fromJava.month().done());
            assertThat(sql.month().prescribed()).isCloseTo(fromJava.month().prescribed(), within(1e-6));
            assertThat(fromJava.attention().week()).isEqualTo(sql.week());
        }
    }

    @Test
    void the_dashboards_today_is_the_clinics_day_across_midnight() {
        Patient p = fx.patient("Mina", "Midnight", me, new AdherenceFixture.V(10, 1, 7));
        fx.doneDaily(p, 10, 1, 1);
        var scope = new AdherenceRepository.Scope(clinic.clinicId, me, true, p.id(), Set.of());
        // 00:30 in Berlin, 23:30 UTC the evening before: yesterday is now a full day with nothing done.
        LocalDate tomorrow = fx.today.plusDays(1);
        java.time.Instant halfPastMidnight = tomorrow.atTime(0, 30).atZone(AdherenceFixture.BERLIN).toInstant();
        assertThat(LocalDate.ofInstant(halfPastMidnight, java.time.ZoneOffset.UTC)).isEqualTo(fx.today);
        Attention late = repository.attention(scope, AdherenceFixture.BERLIN, tomorrow, halfPastMidnight, 0, 1)
                .getFirst();
        assertThat(late.week().countText()).isEqualTo("5 of 6 sessions");
        assertThat(late.quietDays()).isEqualTo(2);
        Attention before = repository.attention(scope, AdherenceFixture.BERLIN, fx.today,
                halfPastMidnight.minusSeconds(3600), 0, 1).getFirst();
        assertThat(before.week().countText()).isEqualTo("6 of 6 sessions");
        assertThat(before.quietDays()).isEqualTo(1);
    }

    @Test
    void another_clinics_patient_is_neither_listed_nor_found_nor_exported() {
        Patient p = fx.patient("Olga", "Ours", me, new AdherenceFixture.V(10, 1, 7));
        fx.doneDaily(p, 10, 0, 1);
        TestAccounts other = new TestAccounts(provisioning);
        TestSignIn.as(users, other.adminEmail);
        assertThat(adherence.page(ALL, 0, 50)).isEmpty();
        assertThat(adherence.patient(p.id())).isEmpty();
        assertThat(adherence.csv(p.id())).isEmpty();
        assertThat(adherence.report(p.id())).isEmpty();
    }

    @Test
    void the_csv_holds_every_checkin_and_the_report_reads_back_with_figures_chart_and_changes() throws Exception {
        Patient p = fx.patient("Zoë", "Ångström", me, new AdherenceFixture.V(20, 1, 7),
                new AdherenceFixture.V(6, 2, 7));
        fx.doneDaily(p, 20, 1, 1);
        fx.checkin(p, 0, 1, "SKIPPED", 4, null);
        jdbc.sql("update checkin set comment = '=HYPERLINK(\"http://x\")' where patient_id = :p and local_date = :d")
                .param("p", p.id().value()).param("d", java.sql.Date.valueOf(fx.today.minusDays(3))).update();

        jdbc.sql("update patient set date_of_birth = '1958-03-14' where id = :p").param("p", p.id().value()).update();

        AdherenceService.Export csv = adherence.csv(p.id()).orElseThrow();
        // Last name and first initial, in plain ASCII: tells files apart without the whole identity.
        assertThat(csv.fileName()).isEqualTo("checkins-Angstrom-Z-" + fx.today + ".csv");
        String text = new String(csv.content(), StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(1 + 21);
        assertThat(lines[0]).isEqualTo("\uFEFFpatient,date_of_birth,date,session,status,skip_reason,pain,difficulty,"
                + "symptoms,comment,source,program_version,exercises_done,exercises_listed,recorded_at_utc");
        // Every line says whose it is, so a printed page or a copied row cannot be taken for another patient's.
        assertThat(java.util.Arrays.stream(lines).skip(1)).allSatisfy(line ->
                assertThat(line).startsWith("Zoë Ångström,1958-03-14,"));
        assertThat(text).contains(fx.today + ",1,SKIPPED,FORGOT,4,").contains(",\"'=HYPERLINK(\"\"http://x\"\")\",")
                .doesNotContain(",=HYPERLINK");

        AdherenceService.Export report = adherence.report(p.id()).orElseThrow();
        assertThat(report.fileName()).isEqualTo("progress-report-Angstrom-Z-" + fx.today + ".pdf");
        var date = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
        if (System.getProperty("adherence.pdf.out") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("adherence.pdf.out")), report.content());
        }
        try (PDDocument pdf = Loader.loadPDF(report.content())) {
            String all = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(all).contains("Progress report: Zoë Ångström")
                    .contains("Period: " + date.format(fx.today.minusDays(20)) + " to " + date.format(fx.today))
                    .contains("Last 7 days")
                    .contains("Since the program began 77 % 20 of 26 sessions")
                    .contains("Version 2, " + date.format(fx.today.minusDays(6)) + " (twice a day)")
                    .contains("Reasons given for skipped sessions: Forgot \u00d71")
                    .contains("v2") // the change marker on the pain chart
                    .contains("pain 7");
        }
    }
}

package org.homestretch.worklist;

import org.homestretch.adherence.AdherenceFixture;
import org.homestretch.catalog.CatalogService;
import org.homestretch.outcome.Measure;
import org.homestretch.outcome.OutcomeEntry;
import org.homestretch.outcome.OutcomeService;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worklist's service on a real PostgreSQL: what is listed, in which order, for whom, and reviewing. */
@SpringBootTest
@ActiveProfiles("test")
class WorklistServiceTest {

    @Autowired
    WorklistService worklist;
    @Autowired
    OutcomeService outcomes;
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
    Clock clock;

    TestAccounts clinic;
    AdherenceFixture fx;
    UserId me;

    static final AdherenceFixture.V SINCE_A_MONTH = new AdherenceFixture.V(30, 1, 7);

    @BeforeEach
    void signIn() {
        clinic = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        me = accounts.currentUserId();
        fx = new AdherenceFixture(patients, programs, catalog, jdbc, LocalDate.now(clock.withZone(AdherenceFixture.BERLIN)));
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    /** A patient who did every session this month, with one warning sign {@code daysAgo}. */
    private Patient withSign(String first, UserId therapist, int daysAgo, String symptom) {
        Patient p = fx.patient(first, "Test", therapist, SINCE_A_MONTH);
        fx.doneDaily(p, 29, 0, 1);
        fx.checkin(p, daysAgo, 2, "DONE", 3, symptom);
        return p;
    }

    private static List<String> lines(WorklistService.Worklist list) {
        return list.items().stream().map(i -> i.group() + " " + i.patientName()).toList();
    }

    private int rows(String table, Patient p) {
        return jdbc.sql("select count(*) from " + table + " where patient_id = :p").param("p", p.id().value())
                .query(Integer.class).single();
    }

    private int audited(Patient p) {
        return jdbc.sql("select count(*) from audit_entry where patient_id = :p and action = 'FLAG_REVIEWED'")
                .param("p", p.id().value()).query(Integer.class).single();
    }

    @Test
    void emergency_signs_come_first_then_urgent_ones_each_newest_first_then_pain_lapsed_and_outcomes() {
        withSign("Urgent-old", me, 3, "PAIN_DOWN_LEG");
        withSign("Emergency", me, 4, "BLADDER_BOWEL");
        withSign("Urgent-new", me, 1, "SHARP_PAIN");
        Patient sore = fx.patient("Sore", "Test", me, SINCE_A_MONTH);
        fx.doneDaily(sore, 29, 2, 1);
        fx.checkin(sore, 1, 1, "DONE", 8, null);
        Patient quiet = fx.patient("Quiet", "Test", me, SINCE_A_MONTH);
        fx.doneDaily(quiet, 29, 9, 1);
        Patient fine = fx.patient("Fine", "Test", me, SINCE_A_MONTH);
        fx.doneDaily(fine, 29, 0, 1);
        Patient worse = patients.create(new org.homestretch.patient.PatientDetails("Worse", "Test", null, "", "", "en",
                me, ""));
        outcomes.record(worse.id(), psfs(fx.today.minusDays(20), 5, 5, 5));
        outcomes.record(worse.id(), psfs(fx.today.minusDays(1), 3, 3, 2));
        Patient better = patients.create(new org.homestretch.patient.PatientDetails("Better", "Test", null, "", "", "en",
                me, ""));
        outcomes.record(better.id(), psfs(fx.today.minusDays(20), 3, 3, 2));
        outcomes.record(better.id(), psfs(fx.today.minusDays(1), 6, 6, 6));

        WorklistService.Worklist list = worklist.current();

        assertThat(lines(list)).containsExactly("EMERGENCY Emergency Test", "URGENT Urgent-new Test",
                "URGENT Urgent-old Test", "PAIN Sore Test", "LAPSED Quiet Test", "OUTCOME Worse Test");
        assertThat(list.items().getFirst().what()).startsWith("Emergency sign: ");
        assertThat(list.items().get(1).what()).isEqualTo("Warning sign: Sharp pain");
        assertThat(list.items().get(3).what()).isEqualTo("Pain 8/10");
        assertThat(list.items().get(4).what()).isEqualTo("No check-in for 9 days");
        assertThat(list.items().get(5).what()).startsWith("PSFS: Worse by 2.3 points since ")
                .endsWith("(clinically important)");
        assertThat(worklist.unreviewedWarnings()).isEqualTo(3);
    }

    @Test
    void a_therapist_sees_their_own_patients_and_an_admin_the_whole_clinic() {
        withSign("Mine", me, 1, "SHARP_PAIN");
        withSign("Unassigned", null, 2, "BLADDER_BOWEL");

        assertThat(lines(worklist.current())).containsExactly("URGENT Mine Test");
        assertThat(worklist.unreviewedWarnings()).isEqualTo(1);

        TestSignIn.as(users, clinic.adminEmail);
        assertThat(lines(worklist.current())).containsExactly("EMERGENCY Unassigned Test", "URGENT Mine Test");
        assertThat(worklist.current().wholeClinic()).isTrue();
        assertThat(worklist.unreviewedWarnings()).isEqualTo(2);
    }

    @Test
    void another_clinics_patients_are_never_listed_nor_counted() {
        TestAccounts other = new TestAccounts(provisioning);
        TestSignIn.as(users, other.adminEmail);
        AdherenceFixture theirs = new AdherenceFixture(patients, programs, catalog, jdbc, fx.today);
        Patient elsewhere = theirs.patient("Elsewhere", "Test", accounts.currentUserId(), SINCE_A_MONTH);
        theirs.checkin(elsewhere, 1, 1, "DONE", 9, "SADDLE_NUMBNESS");
        outcomes.record(elsewhere.id(), psfs(fx.today.minusDays(20), 8, 8, 8));
        outcomes.record(elsewhere.id(), psfs(fx.today.minusDays(1), 2, 2, 2));
        assertThat(lines(worklist.current())).contains("EMERGENCY Elsewhere Test", "OUTCOME Elsewhere Test");

        TestSignIn.as(users, clinic.adminEmail);
        assertThat(worklist.current().items()).isEmpty();
        assertThat(worklist.unreviewedWarnings()).isZero();
        TestSignIn.as(users, clinic.therapistEmail);
        assertThat(worklist.current().items()).isEmpty();
    }

    @Test
    void marking_a_warning_sign_reviewed_twice_stores_one_review_and_one_audit_entry_and_it_leaves_the_list() {
        Patient p = withSign("Walter", me, 1, "NUMBNESS_TINGLING");
        WorklistItem item = worklist.current().items().getFirst();
        assertThat(item.group()).isEqualTo(WorklistItem.Group.URGENT);

        assertThat(worklist.markReviewed(item)).isTrue();
        assertThat(worklist.markReviewed(item)).isFalse();

        assertThat(rows("adherence_review", p)).isEqualTo(1);
        assertThat(audited(p)).isEqualTo(1);
        assertThat(worklist.current().items()).isEmpty();
        assertThat(worklist.unreviewedWarnings()).isZero();
        // A new sign after the review is a new item.
        fx.checkin(p, 0, 3, "DONE", 3, "NEW_WEAKNESS", clock.instant().plusSeconds(60));
        assertThat(lines(worklist.current())).containsExactly("URGENT Walter Test");
    }

    @Test
    void marking_a_worse_outcome_reviewed_twice_stores_one_row_until_a_later_score() {
        Patient p = patients.create(new org.homestretch.patient.PatientDetails("Olga", "Test", null, "", "", "en", me, ""));
        outcomes.record(p.id(), new OutcomeEntry(Measure.NPRS, fx.today.minusDays(14), List.of("Pain"), List.of(3)));
        outcomes.record(p.id(), new OutcomeEntry(Measure.NPRS, fx.today.minusDays(2), List.of("Pain"), List.of(6)));
        WorklistItem item = worklist.current().items().getFirst();
        assertThat(item.what()).startsWith("Pain (NPRS): Worse by 3.0 points since ");

        assertThat(worklist.markReviewed(item)).isTrue();
        assertThat(worklist.markReviewed(item)).isFalse();

        assertThat(rows("worklist_review", p)).isEqualTo(1);
        assertThat(audited(p)).isEqualTo(1);
        assertThat(worklist.current().items()).isEmpty();
        outcomes.record(p.id(), new OutcomeEntry(Measure.NPRS, fx.today, List.of("Pain"), List.of(7)));
        assertThat(lines(worklist.current())).containsExactly("OUTCOME Olga Test");
    }

    private static OutcomeEntry psfs(LocalDate day, int a, int b, int c) {
        return new OutcomeEntry(Measure.PSFS, day, List.of("Stairs", "Socks", "Sitting"), List.of(a, b, c));
    }
}

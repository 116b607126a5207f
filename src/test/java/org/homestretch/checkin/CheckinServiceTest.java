package org.homestretch.checkin;

import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.MutableClock;
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

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest
@ActiveProfiles("test")
class CheckinServiceTest {

    @Autowired
    CheckinService checkins;
    @Autowired
    AccessService access;
    @Autowired
    PatientSignIn signIn;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    Patient maria;
    PatientContext phone;
    LocalDate today;

    @BeforeEach
    void patientOnThePhone() {
        clock.set(CheckinTestSupport.START);
        TestAccounts clinic = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        maria = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Maria", "Gonzalez");
        String link = access.ensure(maria.id()).orElseThrow().link();
        phone = signIn.resolve(signIn.withToken(link.substring(link.lastIndexOf('/') + 1)).orElseThrow()).orElseThrow();
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin")));
        // Programs were published "now"; move on a day so that yesterday is inside the program too.
        clock.advance(Duration.ofDays(2));
        today = today.plusDays(2);
    }

    @AfterEach
    void signOutAndBackToRealTime() {
        TestSignIn.out();
        clock.reset();
    }

    @Test
    void the_day_shows_two_sessions_and_the_second_only_has_the_twice_a_day_exercise() {
        DayPlan plan = checkins.day(phone, today).orElseThrow();
        assertThat(plan.sessions()).hasSize(2);
        assertThat(plan.exercisesFor(1)).extracting(DayPlan.PlanExercise::name).containsExactly("Knee to chest", "Bridge");
        assertThat(plan.exercisesFor(2)).extracting(DayPlan.PlanExercise::name).containsExactly("Knee to chest");
        assertThat(plan.exercises().getFirst().steps()).isNotEmpty();
        assertThat(plan.exercises().getFirst().dosage()).contains("30 seconds");
        assertThat(plan.exercises()).allSatisfy(e ->
                assertThat(e.figureSvg()).startsWith("<svg").contains("aria-label=\"" + e.name() + "\""));
    }

    @Test
    void a_check_in_records_the_version_and_the_dosage_it_answers() {
        CheckinService.Recorded saved = checkins.record(phone, done(today, 1, 3, Set.of(0)));

        Checkin c = saved.checkin();
        assertThat(saved.repeated()).isFalse();
        assertThat(c.done()).isTrue();
        assertThat(c.pain()).isEqualTo(3);
        assertThat(c.programVersion()).isEqualTo(1);
        assertThat(c.exercisesDone()).isEqualTo(1);
        assertThat(c.exercisesPrescribed()).isEqualTo(2);
        assertThat(c.source()).isEqualTo(CheckinSource.PATIENT);
        var dosage = jdbc.sql("select exercise_name, hold_seconds, times_per_day, done from checkin_exercise "
                        + "where checkin_id = :id order by position")
                .param("id", c.id()).query().listOfRows();
        assertThat(dosage.getFirst()).containsEntry("exercise_name", "Knee to chest").containsEntry("hold_seconds", 30)
                .containsEntry("times_per_day", 2).containsEntry("done", true);
        assertThat(dosage.get(1)).containsEntry("exercise_name", "Bridge").containsEntry("done", false);
    }

    @Test
    void session_done_with_nothing_ticked_counts_every_exercise_done() {
        Checkin c = checkins.record(phone, done(today, 1, null, Set.of())).checkin();
        assertThat(c.exercisesDone()).isEqualTo(2);
    }

    @Test
    void a_double_submit_of_the_same_form_counts_once() {
        CheckinEntry entry = done(today, 1, 3, Set.of());
        CheckinService.Recorded first = checkins.record(phone, entry);
        CheckinService.Recorded again = checkins.record(phone, entry);

        assertThat(again.repeated()).isTrue();
        assertThat(again.checkin().id()).isEqualTo(first.checkin().id());
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void concurrent_submits_of_the_same_form_count_once() throws Exception {
        CheckinEntry entry = done(today, 1, 4, Set.of());
        List<Object> results = race(8, () -> checkins.record(phone, entry).checkin().id());
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(UUID.class));
        assertThat(Set.copyOf(results)).hasSize(1);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void concurrent_different_forms_for_one_session_count_it_once_and_say_so() throws Exception {
        List<Object> results = race(6, () -> checkins.record(phone, done(today, 1, 2, Set.of())).checkin().id());
        assertThat(results).filteredOn(r -> r instanceof UUID).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof CheckinException).hasSize(5)
                .allSatisfy(e -> assertThat(((CheckinException) e).messageFor("session")).contains("already recorded"));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void the_two_days_before_today_can_be_filled_in_late_but_no_earlier_and_not_tomorrow() {
        assertThat(checkins.record(phone, done(today, 1, null, Set.of())).repeated()).isFalse();
        assertThat(checkins.record(phone, done(today.minusDays(1), 1, null, Set.of())).repeated()).isFalse();
        assertThat(checkins.record(phone, done(today.minusDays(2), 1, null, Set.of())).repeated()).isFalse();

        CheckinException tooOld = catchThrowableOfType(CheckinException.class,
                () -> checkins.record(phone, done(today.minusDays(3), 1, null, Set.of())));
        CheckinException tomorrow = catchThrowableOfType(CheckinException.class,
                () -> checkins.record(phone, done(today.plusDays(1), 1, null, Set.of())));
        assertThat(tooOld.messageFor("date")).contains("today and the 2 days before");
        assertThat(tomorrow.messageFor("date")).isNotNull();
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void today_follows_the_clinics_time_zone_at_midnight() {
        // 23:30 UTC is already tomorrow in Berlin: "today" on the phone is the Berlin day.
        clock.set(today.atTime(23, 30).atZone(ZoneId.of("UTC")).toInstant());
        assertThat(checkins.today(phone)).isEqualTo(today.plusDays(1));
    }

    @Test
    void the_last_check_in_can_be_undone_for_ten_minutes_only() {
        Checkin first = checkins.record(phone, done(today, 1, 3, Set.of())).checkin();
        clock.advance(Duration.ofMinutes(9));
        assertThat(checkins.day(phone, today).orElseThrow().undoable()).map(Checkin::id).contains(first.id());
        assertThat(checkins.undo(phone, first.id())).isTrue();
        assertThat(rows()).isZero();

        Checkin second = checkins.record(phone, done(today, 1, 3, Set.of())).checkin();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(checkins.day(phone, today).orElseThrow().undoable()).isEmpty();
        assertThat(checkins.undo(phone, second.id())).isFalse();
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void only_the_newest_check_in_can_be_undone() {
        Checkin first = checkins.record(phone, done(today, 1, null, Set.of())).checkin();
        clock.advance(Duration.ofMinutes(1));
        checkins.record(phone, done(today, 2, null, Set.of()));
        assertThat(checkins.undo(phone, first.id())).isFalse();
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void a_session_the_program_does_not_have_is_refused() {
        CheckinException e = catchThrowableOfType(CheckinException.class,
                () -> checkins.record(phone, done(today, 3, null, Set.of())));
        assertThat(e.messageFor("session")).isEqualTo("This program has sessions 1 to 2 each day.");
    }

    @Test
    void bad_values_are_refused_by_field_and_nothing_is_saved() {
        CheckinException e = catchThrowableOfType(CheckinException.class, () -> checkins.record(phone,
                new CheckinEntry(UUID.randomUUID(), today, 1, true, Set.of(), 11, null, Set.of(), null, "x".repeat(501))));
        assertThat(e.messageFor("pain")).isEqualTo("Pain is a number from 0 to 10.");
        assertThat(e.messageFor("comment")).contains("500 characters");
        CheckinException noReason = catchThrowableOfType(CheckinException.class, () -> checkins.record(phone,
                new CheckinEntry(UUID.randomUUID(), today, 1, false, Set.of(), null, null, Set.of(), null, "")));
        assertThat(noReason.messageFor("skipReason")).isNotNull();
        assertThat(rows()).isZero();
    }

    @Test
    void a_skipped_session_keeps_its_reason_and_can_be_done_after_all() {
        Checkin skipped = checkins.record(phone, new CheckinEntry(UUID.randomUUID(), today, 1, false, Set.of(), null,
                null, Set.of(), SkipReason.FORGOT, "")).checkin();
        assertThat(skipped.done()).isFalse();
        assertThat(skipped.skipReason()).isEqualTo(SkipReason.FORGOT);
        assertThat(skipped.exercisesDone()).isZero();

        Checkin done = checkins.record(phone, done(today, 1, 2, Set.of())).checkin();
        assertThat(checkins.day(phone, today).orElseThrow().sessions().getFirst().recorded()).map(Checkin::id)
                .contains(done.id());
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void a_skipped_session_counts_as_recorded_so_the_day_moves_on_to_the_next() {
        checkins.record(phone, new CheckinEntry(UUID.randomUUID(), today, 1, false, Set.of(), null, null, Set.of(),
                SkipReason.FORGOT, ""));
        assertThat(checkins.day(phone, today).orElseThrow().next()).map(DayPlan.Slot::number).contains(2);

        Checkin second = checkins.record(phone, new CheckinEntry(UUID.randomUUID(), today, 2, false, Set.of(), null,
                null, Set.of(), SkipReason.NO_TIME, "")).checkin();

        assertThat(second.session()).isEqualTo(2);
        assertThat(checkins.day(phone, today).orElseThrow().next()).isEmpty();
        assertThat(jdbc.sql("select session_number || ' ' || skip_reason from checkin "
                        + "where patient_id = :p and withdrawn_at is null order by session_number")
                .param("p", maria.id().value()).query(String.class).list())
                .containsExactly("1 FORGOT", "2 NO_TIME");
    }

    @Test
    void warning_symptoms_and_comment_are_kept_for_the_therapist() {
        checkins.record(phone, new CheckinEntry(UUID.randomUUID(), today, 1, true, Set.of(), 6, Difficulty.HARD,
                Set.of(Symptom.NUMBNESS_TINGLING, Symptom.PAIN_DOWN_LEG), null, "Tingling in my left foot"));

        Checkin seen = checkins.recent(maria.id(), 0, 10).getFirst();
        assertThat(seen.redFlag()).isTrue();
        assertThat(seen.symptoms()).containsExactlyInAnyOrder(Symptom.NUMBNESS_TINGLING, Symptom.PAIN_DOWN_LEG);
        assertThat(seen.difficulty()).isEqualTo(Difficulty.HARD);
        assertThat(seen.comment()).isEqualTo("Tingling in my left foot");
    }

    @Test
    void emergency_signs_are_stored_by_name_and_read_back_in_their_tier() {
        checkins.record(phone, new CheckinEntry(UUID.randomUUID(), today, 1, true, Set.of(), 7, Difficulty.HARD,
                Set.of(Symptom.BLADDER_BOWEL, Symptom.SHARP_PAIN), null, ""));

        Checkin seen = checkins.recent(maria.id(), 0, 10).getFirst();
        assertThat(seen.symptoms()).containsExactlyInAnyOrder(Symptom.BLADDER_BOWEL, Symptom.SHARP_PAIN);
        assertThat(Symptom.highest(seen.symptoms())).isEqualTo(Symptom.Tier.EMERGENCY);
        assertThat(jdbc.sql("select array_to_string(symptoms, ',') from checkin where patient_id = :p")
                .param("p", maria.id().value()).query(String.class).list())
                .singleElement().asString().contains("BLADDER_BOWEL");
    }

    @Test
    void the_therapist_enters_the_paper_log_for_any_past_day_of_the_program() {
        Checkin paper = checkins.recordFromPaper(maria.id(), done(today.minusDays(2), 2, 1, Set.of())).checkin();
        assertThat(paper.source()).isEqualTo(CheckinSource.PAPER);
        assertThat(checkins.count(maria.id())).isEqualTo(1);

        CheckinException future = catchThrowableOfType(CheckinException.class,
                () -> checkins.recordFromPaper(maria.id(), done(today.plusDays(1), 1, null, Set.of())));
        CheckinException beforeProgram = catchThrowableOfType(CheckinException.class,
                () -> checkins.recordFromPaper(maria.id(), done(today.minusDays(30), 1, null, Set.of())));
        assertThat(future.messageFor("date")).isEqualTo("This day has not happened yet.");
        assertThat(beforeProgram.messageFor("date")).isEqualTo("The program had not started on this day.");
    }

    @Test
    void another_clinic_sees_no_check_ins_and_cannot_enter_any() {
        checkins.record(phone, done(today, 1, null, Set.of()));
        TestAccounts other = new TestAccounts(provisioning);
        TestSignIn.as(users, other.therapistEmail);
        assertThat(checkins.recent(maria.id(), 0, 10)).isEmpty();
        assertThat(checkins.count(maria.id())).isZero();
        assertThat(catchThrowableOfType(CheckinException.class,
                () -> checkins.recordFromPaper(maria.id(), done(today, 2, null, Set.of())))).isNotNull();
        assertThat(rows()).isEqualTo(1);
    }

    private CheckinEntry done(LocalDate date, int session, Integer pain, Set<Integer> ticked) {
        return new CheckinEntry(UUID.randomUUID(), date, session, true, ticked, pain, Difficulty.ABOUT_RIGHT, Set.of(),
                null, "");
    }

    private int rows() {
        return jdbc.sql("select count(*) from checkin where patient_id = :p and withdrawn_at is null")
                .param("p", maria.id().value()).query(Integer.class).single();
    }

    /** Runs the task on n threads released together; each result is the value or the exception. */
    private static List<Object> race(int n, Callable<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

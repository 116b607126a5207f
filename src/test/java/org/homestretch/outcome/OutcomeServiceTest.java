package org.homestretch.outcome;

import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
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

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Storing scores on a real PostgreSQL: clinic scope, audit entries and which score is the baseline. */
@SpringBootTest
@ActiveProfiles("test")
class OutcomeServiceTest {

    @Autowired
    OutcomeService outcomes;
    @Autowired
    PatientService patients;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    TestAccounts clinic;
    LocalDate today;

    @BeforeEach
    void signIn() {
        clinic = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        today = outcomes.today();
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private Patient patient(String first) {
        return patients.create(new PatientDetails(first, "Outcome", null, "", "", "en", null, ""));
    }

    static OutcomeEntry psfs(LocalDate day, Integer... scores) {
        return new OutcomeEntry(Measure.PSFS, day, List.of("Putting on socks", "Climbing stairs", "Sitting 1 hour",
                "", "").subList(0, scores.length), Arrays.asList(scores));
    }

    private int rows(String sql, Patient p) {
        return jdbc.sql(sql).param("p", p.id().value()).query(Integer.class).single();
    }

    @Test
    void each_score_is_stored_with_its_items_and_one_audit_entry() {
        Patient rosa = patient("Rosa");
        outcomes.record(rosa.id(), psfs(today.minusDays(14), 2, 3, 3));
        outcomes.record(rosa.id(), new OutcomeEntry(Measure.NPRS, today.minusDays(14), List.of(), List.of(6)));
        outcomes.record(rosa.id(), psfs(today, 5, 6, 5));

        assertThat(rows("select count(*) from outcome_score where patient_id = :p", rosa)).isEqualTo(3);
        assertThat(rows("select count(*) from outcome_item i join outcome_score s on s.id = i.score_id"
                + " where s.patient_id = :p", rosa)).isEqualTo(7);
        assertThat(rows("select count(*) from audit_entry where patient_id = :p and action = 'OUTCOME_RECORDED'", rosa))
                .isEqualTo(3);
        var psfs = outcomes.history(rosa.id()).get(Measure.PSFS);
        assertThat(psfs).extracting(OutcomeScore::score).containsExactly(2.67, 5.33);
        assertThat(psfs.getFirst().items()).extracting(OutcomeScore.Item::label)
                .containsExactly("Putting on socks", "Climbing stairs", "Sitting 1 hour");
        assertThat(psfs.getFirst().enteredBy()).isEqualTo("Theo Therapist");
        assertThat(outcomes.history(rosa.id()).get(Measure.NPRS).getFirst().items())
                .containsExactly(new OutcomeScore.Item("Pain", 6));
    }

    @Test
    void the_baseline_is_the_first_score_by_day_taken_even_when_entered_later() {
        Patient ben = patient("Ben");
        outcomes.record(ben.id(), psfs(today, 6, 6, 6));
        outcomes.record(ben.id(), psfs(today.minusDays(20), 3, 3, 3));
        outcomes.record(ben.id(), psfs(today.minusDays(10), 4, 4, 4));

        var psfs = outcomes.history(ben.id()).get(Measure.PSFS);
        assertThat(psfs).extracting(OutcomeScore::score).containsExactly(3.0, 4.0, 6.0);
        assertThat(Change.describe(psfs, outcomes.dateStyle()))
                .isEqualTo("Better by 3.0 points since " + outcomes.dateStyle().mediumDate(today.minusDays(20))
                        + " (clinically important)");
    }

    @Test
    void another_clinics_patient_is_refused_and_nothing_is_stored() {
        Patient theirs = patient("Other");
        TestSignIn.out();
        TestAccounts other = new TestAccounts(provisioning);
        TestSignIn.as(users, other.therapistEmail);

        assertThatThrownBy(() -> outcomes.record(theirs.id(), psfs(today, 5, 5, 5)))
                .isInstanceOf(OutcomeException.class).hasMessage("This patient no longer exists.");
        assertThat(outcomes.history(theirs.id()).get(Measure.PSFS)).isEmpty();
        assertThat(rows("select count(*) from outcome_score where patient_id = :p", theirs)).isZero();
        assertThat(rows("select count(*) from audit_entry where patient_id = :p and action = 'OUTCOME_RECORDED'", theirs))
                .isZero();
    }

    @Test
    void a_bad_entry_stores_nothing_and_says_which_field_is_wrong() {
        Patient cleo = patient("Cleo");
        assertThatThrownBy(() -> outcomes.record(cleo.id(), psfs(today, 5, 11, 5)))
                .isInstanceOfSatisfying(OutcomeException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ": " + p.message())
                        .containsExactly("score1: Enter a whole number from 0 to 10."));
        assertThatThrownBy(() -> outcomes.record(cleo.id(), psfs(today.plusDays(1), 5, 5)))
                .isInstanceOfSatisfying(OutcomeException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ": " + p.message())
                        .containsExactly("takenOn: The day cannot be after today.",
                                "label2: Enter at least 3 activities, each with a score."));
        assertThat(rows("select count(*) from outcome_score where patient_id = :p", cleo)).isZero();
        assertThat(rows("select count(*) from audit_entry where patient_id = :p and action = 'OUTCOME_RECORDED'", cleo))
                .isZero();
    }

    @Test
    void the_last_psfs_activities_are_offered_again() {
        Patient dan = patient("Dan");
        assertThat(outcomes.lastActivities(dan.id())).isEmpty();
        outcomes.record(dan.id(), psfs(today.minusDays(7), 2, 2, 2));
        outcomes.record(dan.id(), new OutcomeEntry(Measure.PSFS, today, List.of("Gardening", "Driving", "Lifting", "Golf"),
                List.of(3, 4, 5, 6)));
        assertThat(outcomes.lastActivities(dan.id())).containsExactly("Gardening", "Driving", "Lifting", "Golf");
    }
}

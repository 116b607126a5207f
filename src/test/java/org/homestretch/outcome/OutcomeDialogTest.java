package org.homestretch.outcome;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Recording scores from the patient's adherence page, as the therapist does after a visit. */
class OutcomeDialogTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    JdbcClient jdbc;

    Patient rosa;

    @BeforeEach
    void openThePatientsPage() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        rosa = patients.create(new PatientDetails("Rosa", "Dialog", null, "", "", "en", null, ""));
        UI.getCurrent().navigate("patients/" + rosa.id().value() + "/adherence");
    }

    private int scoresStored() {
        return jdbc.sql("select count(*) from outcome_score where patient_id = :p").param("p", rosa.id().value())
                .query(Integer.class).single();
    }

    @Test
    void a_score_out_of_range_is_shown_next_to_its_field_and_nothing_is_stored() {
        OutcomeSection section = _get(OutcomeSection.class);
        _click(section.recordPsfs);
        OutcomeDialog dialog = _get(OutcomeDialog.class);
        type(dialog.labels.get(0), "Putting on socks");
        type(dialog.scores.get(0), 4);
        type(dialog.labels.get(1), "Climbing stairs");
        type(dialog.scores.get(1), 12);
        type(dialog.labels.get(2), "Sitting for an hour");
        _click(dialog.save);

        assertThat(dialog.scores.get(1).isInvalid()).isTrue();
        assertThat(dialog.scores.get(1).getErrorMessage()).isEqualTo("Enter a whole number from 0 to 10.");
        assertThat(dialog.scores.get(2).getErrorMessage()).isEqualTo("Enter a whole number from 0 to 10.");
        assertThat(dialog.scores.get(0).isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        // What was typed stays, to correct.
        assertThat(dialog.labels.get(2).getValue()).isEqualTo("Sitting for an hour");
        assertThat(scoresStored()).isZero();
    }

    @Test
    void a_good_psfs_is_stored_once_charted_and_its_activities_offered_next_time() {
        OutcomeSection section = _get(OutcomeSection.class);
        _click(section.recordPsfs);
        OutcomeDialog dialog = _get(OutcomeDialog.class);
        assertThat(dialog.takenOn.getValue()).isEqualTo(outcomes.today());
        List<String> activities = List.of("Putting on socks", "Climbing stairs", "Sitting for an hour");
        for (int i = 0; i < 3; i++) {
            type(dialog.labels.get(i), activities.get(i));
            type(dialog.scores.get(i), 3 + i);
        }
        _click(dialog.save);

        assertThat(scoresStored()).isEqualTo(1);
        _assertNone(OutcomeDialog.class);
        assertThat(_get(section.measures, Paragraph.class, spec -> spec.withClasses("hs-outcome-change")).getText())
                .isEqualTo("Baseline 4.0 on " + outcomes.dateStyle().mediumDate(outcomes.today())
                        + "; no later score yet.");

        _click(section.recordPsfs);
        OutcomeDialog again = _get(OutcomeDialog.class);
        assertThat(again.labels).extracting(f -> f.getValue())
                .containsExactly("Putting on socks", "Climbing stairs", "Sitting for an hour", "", "");
    }

    @Test
    void pain_is_one_number() {
        OutcomeSection section = _get(OutcomeSection.class);
        _click(section.recordPain);
        OutcomeDialog dialog = _get(OutcomeDialog.class);
        assertThat(dialog.labels).isEmpty();
        _click(dialog.save);
        assertThat(dialog.scores.getFirst().getErrorMessage()).isEqualTo("Enter a whole number from 0 to 10.");
        assertThat(scoresStored()).isZero();

        type(dialog.scores.getFirst(), 6);
        _click(dialog.save);
        assertThat(scoresStored()).isEqualTo(1);
        assertThat(outcomes.history(rosa.id()).get(Measure.NPRS)).extracting(OutcomeScore::score).containsExactly(6.0);
    }
}

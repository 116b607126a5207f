package org.homestretch.outcome;

import com.vaadin.flow.component.UI;
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

import java.time.DayOfWeek;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The therapist picks the weekday of the phone's weekly question on the patient's adherence page. */
class WeeklyDaySettingTest extends KaribuTest {

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
        signInAs(new TestAccounts(provisioning).therapistEmail);
        rosa = patients.create(new PatientDetails("Rosa", "Weekday", null, "", "", "en", null, ""));
        UI.getCurrent().navigate("patients/" + rosa.id().value() + "/adherence");
    }

    private List<Integer> stored() {
        return jdbc.sql("select weekday from outcome_schedule where patient_id = :p").param("p", rosa.id().value())
                .query(Integer.class).list();
    }

    @Test
    void the_chosen_weekday_is_stored_for_the_patient_and_shown_again_and_can_go_back_to_the_default() {
        OutcomeSection section = _get(OutcomeSection.class);
        assertThat(section.weekday.getValue()).as("no choice yet: the program's first day").isNull();
        assertThat(section.weekday.getEmptySelectionCaption()).isEqualTo("The day the program starts");

        type(section.weekday, DayOfWeek.FRIDAY);

        assertThat(stored()).containsExactly(5);
        assertThat(outcomes.schedule(rosa.id()).effective()).contains(DayOfWeek.FRIDAY);
        UI.getCurrent().navigate("patients/" + rosa.id().value() + "/adherence");
        assertThat(_get(OutcomeSection.class).weekday.getValue()).isEqualTo(DayOfWeek.FRIDAY);

        type(_get(OutcomeSection.class).weekday, DayOfWeek.MONDAY);
        assertThat(stored()).containsExactly(1);

        type(_get(OutcomeSection.class).weekday, null);
        assertThat(stored()).isEmpty();
    }
}

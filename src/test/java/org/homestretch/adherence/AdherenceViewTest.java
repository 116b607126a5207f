package org.homestretch.adherence;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.homestretch.base.NotFoundView;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.patient.PatientView;
import org.homestretch.program.ProgramService;
import org.homestretch.security.AccountService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AdherenceViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    TestAccounts clinic;
    Patient warning;
    Patient fine;

    @BeforeEach
    void patientsWithCheckins() {
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        var fx = new AdherenceFixture(patients, programs, catalog, jdbc,
                LocalDate.now(clock.withZone(AdherenceFixture.BERLIN)));
        var me = accounts.currentUserId();
        fine = fx.patient("Fiona", "Fine", me, new AdherenceFixture.V(40, 1, 7), new AdherenceFixture.V(10, 2, 7));
        fx.doneDaily(fine, 40, 11, 1);
        fx.doneDaily(fine, 10, 0, 2);
        warning = fx.patient("Walter", "Warning", me, new AdherenceFixture.V(30, 1, 7));
        fx.doneDaily(warning, 30, 3, 1);
        fx.checkin(warning, 2, 1, "DONE", 7, "PAIN_DOWN_LEG");
        fx.checkin(warning, 1, 1, "SKIPPED", 6, null);
    }

    @Test
    void the_dashboard_lists_the_patient_with_a_warning_first_and_a_click_opens_their_adherence() {
        UI.getCurrent().navigate("adherence");
        AdherenceView view = _get(AdherenceView.class);
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_get(view.grid, 0).firstName()).isEqualTo("Walter");
        assertThat(_get(view.grid, 0).reasons()).contains(Reason.RED_FLAG, Reason.PAIN);
        assertThat(view.resultCount.getText()).isEqualTo("2 patients");

        type(view.reasons, Set.of(Reason.NO_CHECKIN));
        assertThat(_size(view.grid)).isZero();
        type(view.reasons, Set.of());

        _clickItem(view.grid, 0);
        _assertOne(PatientAdherenceView.class);
        String text = _get(PatientAdherenceView.class).getElement().getTextRecursively();
        assertThat(text).contains("Walter Warning").contains("Pain down the leg").contains("Pain 7/10")
                .contains("Forgot \u00d71").contains("Last 7 days");
    }

    @Test
    void marking_a_flag_reviewed_shows_who_and_when_and_keeps_it_on_the_record() {
        UI.getCurrent().navigate("patients/" + warning.id().value() + "/adherence");
        PatientAdherenceView view = _get(PatientAdherenceView.class);
        _click(_get(Button.class, spec -> spec.withId("review-red_flag")));

        view = _get(PatientAdherenceView.class);
        assertThat(view.flags.getElement().getTextRecursively()).contains("Reviewed by Theo Therapist, ");
        _assertNone(Button.class, spec -> spec.withId("review-red_flag"));
        _assertOne(Button.class, spec -> spec.withId("review-pain"));

        UI.getCurrent().navigate("adherence");
        AdherenceView dashboard = _get(AdherenceView.class);
        // Still flagged for pain, which nobody has reviewed yet: still first.
        assertThat(_get(dashboard.grid, 0).needs(Reason.RED_FLAG)).isFalse();
        assertThat(_get(dashboard.grid, 0).needs(Reason.PAIN)).isTrue();
    }

    @Test
    void every_button_is_named_by_its_visible_text_first_for_voice_control() {
        UI.getCurrent().navigate("patients/" + warning.id().value() + "/adherence");

        List<Button> marks = _find(Button.class, spec -> spec.withText("Mark reviewed"));
        assertThat(marks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(marks).extracting(b -> b.getAriaLabel().orElseThrow())
                .contains("Mark reviewed: warning symptom for Walter Warning", "Mark reviewed: pain for Walter Warning");
        // WCAG 2.5.3: the accessible name of every labelled button contains what it shows.
        for (Button button : _find(Button.class)) {
            button.getAriaLabel().filter(label -> !button.getText().isBlank()).ifPresent(label ->
                    assertThat(label).as("aria-label of \"%s\"", button.getText()).startsWith(button.getText()));
        }
    }

    @Test
    void the_exports_download_a_csv_and_a_pdf() {
        UI.getCurrent().navigate("patients/" + fine.id().value() + "/adherence");
        PatientAdherenceView view = _get(PatientAdherenceView.class);
        String csv = new String(_download(view.csv), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFpatient,date_of_birth,date,session,status")
                .contains(LocalDate.now(clock.withZone(AdherenceFixture.BERLIN)) + ",2,DONE");
        byte[] pdf = _download(view.pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(view.getElement().getTextRecursively()).contains("100 %").contains("twice a day")
                .contains("No sessions reported as skipped.");
    }

    @Test
    void the_patient_record_links_to_adherence_and_another_clinic_finds_nothing() {
        UI.getCurrent().navigate("patients/" + fine.id().value());
        _click(_get(Button.class, spec -> spec.withText("Adherence")));
        _assertOne(PatientAdherenceView.class);

        TestAccounts other = new TestAccounts(provisioning);
        signInAs(other.therapistEmail);
        UI.getCurrent().navigate("adherence");
        assertThat(_size(_get(AdherenceView.class).grid)).isZero();
        UI.getCurrent().navigate("patients/" + fine.id().value() + "/adherence");
        _assertOne(NotFoundView.class);
        _assertNone(PatientAdherenceView.class);
        UI.getCurrent().navigate("patients/not-a-uuid/adherence");
        _assertOne(NotFoundView.class);
        _assertNone(PatientView.class);
    }
}

package org.homestretch.worklist;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.homestretch.adherence.AdherenceFixture;
import org.homestretch.base.DateStyle;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.AccountService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start page, the worklist, in a context whose public address is left at its localhost default:
 * the greeting and address warnings it always had, its items, "Open", "Mark reviewed" with the
 * count in the side navigation, and the empty state.
 */
class WorklistViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    MutableClock clock;
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

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void greets_by_the_time_of_day_at_the_clinic_not_at_the_server() {
        TestAccounts clinic = new TestAccounts(provisioning); // in Europe/Berlin
        // 11:30 on the server's clock (UTC) is already 12:30 in Berlin.
        clock.set(Instant.parse("2026-01-15T11:30:00Z"));
        signInAs(clinic.therapistEmail);

        UI.getCurrent().navigate("");

        assertThat(_get(H2.class).getText()).isEqualTo("Good afternoon, Theo");
    }

    @Test
    void an_admin_is_told_that_handouts_print_localhost_and_what_to_set() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);

        UI.getCurrent().navigate("");

        WorklistView home = _get(WorklistView.class);
        assertThat(home.addressWarning.isVisible()).isTrue();
        assertThat(home.addressWarning.getText()).startsWith("Handouts print http://localhost:")
                .contains("patients' phones cannot reach that")
                .endsWith("Set HOMESTRETCH_PUBLIC_URL to the address people use to reach this server.");
    }

    @Test
    void a_therapist_is_told_the_codes_will_not_open_and_whom_to_ask() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);

        UI.getCurrent().navigate("");

        WorklistView home = _get(WorklistView.class);
        assertThat(home.addressWarning.isVisible()).isTrue();
        assertThat(home.addressWarning.getText()).contains("will not open on patients' phones")
                .contains("Ask your admin").doesNotContain("HOMESTRETCH_PUBLIC_URL");
    }

    /** The number beside "Home" in the side navigation; empty when none is shown. */
    private static String navCount() {
        SideNavItem home = _get(SideNavItem.class, spec -> spec.withPredicate(item -> "Home".equals(item.getLabel())));
        return home.getSuffixComponent() == null ? "" : ((Span) home.getSuffixComponent()).getText();
    }

    private static List<String> rows() {
        return _find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("hs-worklist-item")).stream()
                .map(row -> row.getElement().getTextRecursively()).toList();
    }

    @Test
    void lists_a_warning_sign_opens_the_patient_and_marking_it_reviewed_updates_the_menu_count() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        AdherenceFixture fx = new AdherenceFixture(patients, programs, catalog, jdbc,
                LocalDate.now(clock.withZone(AdherenceFixture.BERLIN)));
        Patient walter = fx.patient("Walter", "Warning", accounts.currentUserId(), new AdherenceFixture.V(20, 1, 7));
        fx.doneDaily(walter, 19, 0, 1);
        fx.checkin(walter, 1, 2, "DONE", 3, "BLADDER_BOWEL");
        Patient nina = fx.patient("Nina", "Numb", accounts.currentUserId(), new AdherenceFixture.V(20, 1, 7));
        fx.doneDaily(nina, 19, 0, 1);
        fx.checkin(nina, 0, 2, "DONE", 3, "NUMBNESS_TINGLING");

        UI.getCurrent().navigate("");

        assertThat(rows()).hasSize(2);
        assertThat(rows().get(0)).startsWith("Walter Warning").contains("Emergency sign: ").contains("Yesterday at 19:00");
        assertThat(rows().get(1)).startsWith("Nina Numb").contains("Warning sign: Numbness or tingling");
        assertThat(_get(H3.class, spec -> spec.withText("Emergency signs (1)"))).isNotNull();
        assertThat(navCount()).isEqualTo("2");

        _click(_find(Button.class, spec -> spec.withText("Mark reviewed")).getFirst());

        assertThat(rows()).hasSize(1).first().asString().startsWith("Nina Numb");
        assertThat(navCount()).isEqualTo("1");
        assertThat(jdbc.sql("select count(*) from adherence_review where patient_id = :p")
                .param("p", walter.id().value()).query(Integer.class).single()).isEqualTo(1);

        _click(_get(Button.class, spec -> spec.withText("Open")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("patients/" + nina.id().value() + "/adherence");
    }

    @Test
    void with_nothing_to_do_it_says_all_is_well_and_when_it_last_looked_in_the_clinics_date_style() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-14T09:05:00Z"));
        signInAs(clinic.therapistEmail);

        UI.getCurrent().navigate("");

        WorklistView home = _get(WorklistView.class);
        assertThat(home.allWell.isVisible()).isTrue();
        assertThat(home.groups.isVisible()).isFalse();
        assertThat(home.allWell.getElement().getTextRecursively()).startsWith("All is well")
                .contains("None of your patients needs you right now.")
                .contains("Last checked " + DateStyle.DEFAULT.mediumDate(LocalDate.of(2026, 3, 14)) + " at 10:05.");
        assertThat(navCount()).isEmpty();
    }
}

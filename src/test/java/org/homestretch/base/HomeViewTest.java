package org.homestretch.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The start page in a context whose public address is left at its localhost default. */
class HomeViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    MutableClock clock;

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

        HomeView home = _get(HomeView.class);
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

        HomeView home = _get(HomeView.class);
        assertThat(home.addressWarning.isVisible()).isTrue();
        assertThat(home.addressWarning.getText()).contains("will not open on patients' phones")
                .contains("Ask your admin").doesNotContain("HOMESTRETCH_PUBLIC_URL");
    }
}

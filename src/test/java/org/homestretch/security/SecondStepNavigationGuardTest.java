package org.homestretch.security;

import com.vaadin.flow.component.UI;
import org.homestretch.patient.PatientsView;
import org.homestretch.support.AuthenticatorApp;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vaadin navigates inside an open page without a new page request: a session that has only
 * given its password is sent to the code page (or to set up an app) from every view.
 */
class SecondStepNavigationGuardTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_password_only_session_of_a_user_with_two_factor_reaches_no_view_until_the_code() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        signInAs(clinic.therapistEmail);
        String key = twoFactor.startEnrolment().secret();
        twoFactor.confirmEnrolment(AuthenticatorApp.code(key, clock.instant()));
        // A new sign-in: the password factor only.
        signInAs(clinic.therapistEmail);

        UI.getCurrent().navigate("patients");
        _assertNone(PatientsView.class);
        SignInCodeView codePage = _get(SignInCodeView.class);
        UI.getCurrent().navigate("");
        _assertOne(SignInCodeView.class);

        clock.advance(Duration.ofSeconds(30));
        type(codePage.code, AuthenticatorApp.code(key, clock.instant()));
        _click(codePage.verify);

        UI.getCurrent().navigate("patients");
        _assertOne(PatientsView.class);
        _assertNone(SignInCodeView.class);
    }

    @Test
    void when_the_clinic_requires_it_a_user_without_it_is_sent_to_set_it_up_from_every_view() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        signInAs(clinic.adminEmail);
        twoFactor.confirmEnrolment(AuthenticatorApp.code(twoFactor.startEnrolment().secret(), clock.instant()));
        twoFactor.requireForClinic(true);

        signInAs(clinic.therapistEmail);
        UI.getCurrent().navigate("patients");

        _assertNone(PatientsView.class);
        TwoFactorSetupView setup = _get(TwoFactorSetupView.class);
        assertThat(setup.enrolment).isNotNull();
        UI.getCurrent().navigate("catalog");
        _assertOne(TwoFactorSetupView.class);
    }

    @Test
    void a_user_without_two_factor_in_a_clinic_that_does_not_require_it_goes_anywhere_with_the_password() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);

        UI.getCurrent().navigate("patients");

        _assertOne(PatientsView.class);
        // The code page itself sends them on.
        UI.getCurrent().navigate("sign-in/code");
        _assertNone(SignInCodeView.class);
    }
}

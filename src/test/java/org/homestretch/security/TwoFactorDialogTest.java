package org.homestretch.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import org.homestretch.support.AuthenticatorApp;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Two-factor sign-in" in the user menu, once it is on: new recovery codes, and turning it off. */
class TwoFactorDialogTest extends KaribuTest {

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
    void the_user_menu_offers_changing_the_password_and_two_factor_sign_in() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        UI.getCurrent().navigate("");

        List<String> items = _get(com.vaadin.flow.component.menubar.MenuBar.class).getItems().getFirst()
                .getSubMenu().getItems().stream().map(MenuItem::getText).toList();
        assertThat(items).containsSubsequence("Change password", "Two-factor sign-in", "Log out");
    }

    @Test
    void new_recovery_codes_replace_the_old_ones_and_the_password_turns_it_off() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        signInAs(clinic.therapistEmail);
        String key = twoFactor.startEnrolment().secret();
        List<String> first = twoFactor.confirmEnrolment(AuthenticatorApp.code(key, clock.instant()));

        TwoFactorDialog dialog = new TwoFactorDialog(twoFactor);
        dialog.open();
        _get(dialog, Paragraph.class, spec -> spec.withText("Two-factor sign-in is on. You have 10 unused recovery codes."));
        _click(_get(dialog, Button.class, spec -> spec.withText("Make new recovery codes")));
        List<String> second = dialog.recoveryCodes.codes();
        assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
        assertThatThrownBy(() -> twoFactor.verifySignInCode(first.getFirst())).hasMessageStartingWith("That code is not right.");
        assertThat(twoFactor.verifySignInCode(second.getFirst()).recoveryCode()).isTrue();
        dialog.close();

        dialog = new TwoFactorDialog(twoFactor);
        dialog.open();
        type(dialog.password, "not my password");
        _click(_get(dialog, Button.class, spec -> spec.withText("Turn off two-factor sign-in")));
        assertThat(dialog.password.getErrorMessage()).isEqualTo("That is not your password.");
        assertThat(twoFactor.status().enabled()).isTrue();
        type(dialog.password, TestAccounts.PASSWORD);
        _click(_get(dialog, Button.class, spec -> spec.withText("Turn off two-factor sign-in")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(twoFactor.status().enabled()).isFalse();

        // Off again: the dialog offers to set it up, with a new key.
        clock.advance(Duration.ofMinutes(1));
        dialog = new TwoFactorDialog(twoFactor);
        assertThat(dialog.enrolment).isNotNull();
        assertThat(dialog.enrolment.secret.getText().replace(" ", "")).isNotEqualTo(key);
    }
}

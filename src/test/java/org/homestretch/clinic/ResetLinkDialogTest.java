package org.homestretch.clinic;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.TwoFactorService;
import org.homestretch.support.AuthenticatorApp;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ResetLinkDialogTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_admin_gets_a_link_to_pass_on_and_only_other_enabled_users_have_the_button() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/users");
        UsersView view = _get(UsersView.class);

        assertThat(_getCellComponent(view.grid, rowOf(view, "Ada Admin"), "password")).isNotInstanceOf(Button.class);
        _click((Button) _getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "password"));
        ResetLinkDialog dialog = _get(ResetLinkDialog.class);
        assertThat(dialog.link.isVisible()).isFalse();
        _click(dialog.create);

        assertThat(dialog.link.getValue()).contains("/reset-password?token=");
        assertThat(dialog.link.isReadOnly()).isTrue();
        assertThat(dialog.delivery.getText()).startsWith("Email is not set up on this server").contains("It works until");
        assertThat(jdbc.sql("select count(*) from password_reset r join app_user u on u.id = r.user_id "
                + "where u.email = :e").param("e", clinic.therapistEmail).query(Integer.class).single()).isOne();
    }

    @Test
    void for_a_user_who_lost_their_phone_the_admin_turns_their_two_factor_off() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        signInAs(clinic.therapistEmail);
        twoFactor.confirmEnrolment(AuthenticatorApp.code(twoFactor.startEnrolment().secret(), clock.instant()));

        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/users");
        UsersView view = _get(UsersView.class);
        _click((Button) _getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "password"));
        ResetLinkDialog dialog = _get(ResetLinkDialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Turn off their two-factor sign-in")));

        _get(dialog, Paragraph.class, spec -> spec.withText("Their two-factor sign-in is off. They sign in with their "
                + "password alone, until they set it up again."));
        assertThat(jdbc.sql("select count(*) from two_factor t join app_user u on u.id = t.user_id where u.email = :e")
                .param("e", clinic.therapistEmail).query(Integer.class).single()).isZero();
    }

    private static int rowOf(UsersView view, String name) {
        return IntStream.range(0, _size(view.grid))
                .filter(i -> _get(view.grid, i).displayName().equals(name))
                .findFirst().orElseThrow();
    }
}

package org.homestretch.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import org.homestretch.base.DateStyle;
import org.homestretch.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.ZoneId;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs in a Spring context of its own, because first-run setup needs a database without accounts. */
@TestPropertySource(properties = "homestretch.test.context=empty-database")
class SetupViewTest extends KaribuTest {

    @Autowired
    FirstRunSetup setup;
    @Autowired
    AccountUserDetailsService userDetails;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void first_run_setup_works_once_and_only_once() {
        assertThat(setup.isOpen()).isTrue();

        // A wrong or old link shows no form.
        openSetup("not-the-token");
        _assertOne(Paragraph.class, spec -> spec.withText("This setup link is not valid."));
        _assertNone(SetupView.class, spec -> spec.withPredicate(view -> view.create.isAttached()));

        openSetup(setup.tokenForTests());
        SetupView view = _get(SetupView.class);
        type(view.clinicName, "Lakeside Physio");
        type(view.timeZone, ZoneId.of("America/Chicago"));
        assertThat(view.dateStyle.getValue()).isNotNull();
        type(view.dateStyle, DateStyle.find(Locale.US).orElseThrow());
        type(view.adminName, "Jordan Lee");
        type(view.email, "Jordan@Lakeside.example");
        type(view.password, "a long enough password");
        type(view.confirmPassword, "a different password!");
        _click(view.create);

        // Mismatched confirmation: message next to the field, nothing created, input kept.
        assertThat(view.confirmPassword.isInvalid()).isTrue();
        assertThat(view.confirmPassword.getErrorMessage()).isEqualTo("The two passwords are not the same.");
        assertThat(setup.isOpen()).isTrue();
        assertThat(view.clinicName.getValue()).isEqualTo("Lakeside Physio");

        type(view.confirmPassword, "a long enough password");
        _click(view.create);

        _assertOne(Paragraph.class, spec -> spec.withText("Your clinic is ready."));
        assertThat(setup.isOpen()).isFalse();
        SignedInUser admin = (SignedInUser) userDetails.loadUserByUsername("jordan@lakeside.example");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.displayName()).isEqualTo("Jordan Lee");
        assertThat(jdbc.sql("select locale from clinic where id = :id").param("id", admin.clinicId().value())
                .query(String.class).single()).isEqualTo("en-US");

        // The same link, opened again, no longer offers the form...
        openSetup(setup.tokenForTests());
        _assertOne(Paragraph.class, spec -> spec.withText("Setup is already done."));
        // ...and a replayed submission is refused by the service too.
        assertThatThrownBy(() -> setup.complete(setup.tokenForTests(), "Second Clinic", ZoneId.of("UTC"), Locale.UK,
                new NewAccount("Mallory", "mallory@example.org", "another long password", Role.ADMIN)))
                .isInstanceOf(AccountException.class).hasMessageContaining("already done");
    }

    private static void openSetup(String token) {
        UI.getCurrent().navigate("setup", QueryParameters.of("token", token));
    }
}

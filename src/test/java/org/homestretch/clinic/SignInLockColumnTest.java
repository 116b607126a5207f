package org.homestretch.clinic;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Users shows accounts locked after failed sign-ins, and the admin lifts the lock. */
class SignInLockColumnTest extends KaribuTest {

    /** 10:30 in Berlin (summer time), where the test clinic is. */
    private static final Instant T = Instant.parse("2031-06-02T08:30:00Z");

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    TestAccounts clinic;

    @BeforeEach
    void lockTheTherapist() {
        clinic = new TestAccounts(provisioning);
        clock.set(T);
        jdbc.sql("insert into sign_in_account (user_id, failures, window_start, locked_until) "
                        + "select id, 7, ?, ? from app_user where email = ?")
                .params(Timestamp.from(T), Timestamp.from(T.plusSeconds(900)), clinic.therapistEmail).update();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_locked_account_shows_until_when_in_the_clinics_time_and_the_admin_unlocks_it() {
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/users");
        UsersView view = _get(UsersView.class);

        assertThat(_getCellComponent(view.grid, rowOf(view, "Ada Admin"), "signIn")).isInstanceOf(Span.class)
                .extracting(c -> ((Span) c).getText()).isEqualTo("");
        HorizontalLayout cell = (HorizontalLayout) _getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "signIn");
        assertThat(((Span) cell.getComponentAt(0)).getText()).isEqualTo("Locked until 10:45");
        Button unlock = (Button) cell.getComponentAt(1);
        assertThat(unlock.getAriaLabel()).hasValue("Unlock Theo Therapist");

        _click(unlock);

        assertThat(jdbc.sql("select count(*) from sign_in_account a join app_user u on u.id = a.user_id "
                + "where u.clinic_id = ?").param(clinic.clinicId.value()).query(Integer.class).single()).isZero();
        assertThat(_getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "signIn")).isInstanceOf(Span.class);
    }

    @Test
    void an_expired_lock_is_not_shown() {
        clock.set(T.plusSeconds(900));
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/users");
        UsersView view = _get(UsersView.class);

        assertThat(_getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "signIn")).isInstanceOf(Span.class);
    }

    private static int rowOf(UsersView view, String name) {
        return IntStream.range(0, _size(view.grid))
                .filter(i -> _get(view.grid, i).displayName().equals(name))
                .findFirst().orElseThrow();
    }
}

package org.homestretch.clinic;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.Role;
import org.homestretch.security.UserAccount;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class UsersViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService userDetails;

    TestAccounts clinic;

    @BeforeEach
    void createClinic() {
        clinic = new TestAccounts(provisioning);
    }

    @Test
    void therapist_cannot_open_the_admin_only_users_view() {
        signInAs(clinic.therapistEmail);

        // Vaadin's access check refuses the route (Karibu reports that as an exception).
        assertThatThrownBy(() -> UI.getCurrent().navigate("settings/users"))
                .isInstanceOf(MockAccessDeniedException.class);
        _assertNone(UsersView.class);

        UI.getCurrent().navigate("");
        _assertNone(SideNavItem.class, spec -> spec.withPredicate(item -> "Settings".equals(item.getLabel())));
        _assertOne(SideNavItem.class, spec -> spec.withPredicate(item -> "Home".equals(item.getLabel())));
    }

    @Test
    void admin_sees_the_clinics_accounts_and_adds_a_therapist() {
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/users");
        UsersView view = _get(UsersView.class);
        assertThat(_size(view.grid)).isEqualTo(2);

        _click(view.add);
        AddUserDialog dialog = _get(AddUserDialog.class);
        type(dialog.name, "Robin Reyes");
        type(dialog.email, "not-an-email");
        type(dialog.password, "short");
        _click(dialog.save);
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).contains("at least 12");
        assertThat(dialog.isOpened()).isTrue();

        type(dialog.email, "robin-" + clinic.adminEmail);
        type(dialog.password, "twelve chars ok");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(3);
        UserAccount added = IntStream.range(0, 3).mapToObj(i -> _get(view.grid, i))
                .filter(u -> u.displayName().equals("Robin Reyes")).findFirst().orElseThrow();
        assertThat(added.role()).isEqualTo(Role.THERAPIST);
        assertThat(userDetails.loadUserByUsername("robin-" + clinic.adminEmail).isEnabled()).isTrue();
    }

    @Test
    void admin_disables_a_therapist_who_then_cannot_sign_in() {
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/users");

        UsersView view = _get(UsersView.class);

        Button disable = (Button) _getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "action");
        assertThat(disable.getText()).isEqualTo("Disable");
        _click(disable);

        assertThat(userDetails.loadUserByUsername(clinic.therapistEmail).isEnabled()).isFalse();
        Button enable = (Button) _getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "action");
        assertThat(enable.getText()).isEqualTo("Enable");
        assertThat(((Span) _getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "status")).getText())
                .isEqualTo("Disabled");
    }

    @Test
    void admin_cannot_disable_their_own_account_from_the_list() {
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/users");
        UsersView view = _get(UsersView.class);

        assertThat(_getCellComponent(view.grid, rowOf(view, "Ada Admin"), "action")).isInstanceOf(Span.class);
    }

    @Test
    void admin_makes_a_therapist_an_admin_and_cannot_change_their_own_role() {
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/users");
        UsersView view = _get(UsersView.class);
        assertThat(_getCellComponent(view.grid, rowOf(view, "Ada Admin"), "changeRole")).isNotInstanceOf(Button.class);

        _click((Button) _getCellComponent(view.grid, rowOf(view, "Theo Therapist"), "changeRole"));
        ChangeRoleDialog dialog = _get(ChangeRoleDialog.class);
        assertThat(dialog.role.getValue()).isEqualTo(Role.THERAPIST);
        type(dialog.role, Role.ADMIN);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(_get(view.grid, rowOf(view, "Theo Therapist")).role()).isEqualTo(Role.ADMIN);
        assertThat(userDetails.loadUserByUsername(clinic.therapistEmail).getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    private static int rowOf(UsersView view, String name) {
        return IntStream.range(0, _size(view.grid))
                .filter(i -> _get(view.grid, i).displayName().equals(name))
                .findFirst().orElseThrow();
    }
}

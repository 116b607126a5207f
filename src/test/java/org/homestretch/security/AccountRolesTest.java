package org.homestretch.security;

import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Role changes against the real database: the rules, and that the person's sessions end. */
@SpringBootTest
@ActiveProfiles("test")
class AccountRolesTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    AccountRoles roles;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    @Test
    void an_admin_makes_a_therapist_an_admin_and_the_therapists_sessions_end() {
        TestAccounts clinic = new TestAccounts(provisioning);
        UserId therapist = id(clinic.therapistEmail);
        TestSignIn.as(users, clinic.adminEmail);

        roles.changeRole(therapist, Role.ADMIN);

        assertThat(row(therapist)).isEqualTo("ADMIN 1 ACCOUNT_CHANGED");
        // Choosing the role they already have changes nothing and ends nothing.
        roles.changeRole(therapist, Role.ADMIN);
        assertThat(row(therapist)).isEqualTo("ADMIN 1 ACCOUNT_CHANGED");
    }

    @Test
    void disabling_an_account_ends_its_sessions_and_enabling_it_again_does_not() {
        TestAccounts clinic = new TestAccounts(provisioning);
        UserId therapist = id(clinic.therapistEmail);
        TestSignIn.as(users, clinic.adminEmail);

        accounts.setEnabled(therapist, false);
        assertThat(row(therapist)).isEqualTo("THERAPIST 1 ACCOUNT_CHANGED");
        accounts.setEnabled(therapist, true);
        assertThat(row(therapist)).isEqualTo("THERAPIST 1 ACCOUNT_CHANGED");
    }

    @Test
    void the_last_enabled_admin_cannot_be_made_a_therapist_nor_can_an_admin_change_their_own_role() {
        TestAccounts clinic = new TestAccounts(provisioning);
        UserId admin = id(clinic.adminEmail);
        UserId therapist = id(clinic.therapistEmail);
        TestSignIn.as(users, clinic.adminEmail);
        assertThatThrownBy(() -> roles.changeRole(admin, Role.THERAPIST))
                .isInstanceOf(AccountException.class).hasMessage("You cannot change your own role.");

        // A second admin, then the first is disabled: the second is the only enabled admin left.
        roles.changeRole(therapist, Role.ADMIN);
        jdbc.sql("update app_user set enabled = false where id = ?").param(admin.value()).update();
        assertThatThrownBy(() -> roles.changeRole(therapist, Role.THERAPIST))
                .isInstanceOf(AccountException.class).hasMessage("The clinic needs at least one enabled admin.");
        assertThat(row(therapist)).isEqualTo("ADMIN 1 ACCOUNT_CHANGED");
    }

    @Test
    void a_therapist_cannot_change_roles_nor_reach_another_clinics_accounts() {
        TestAccounts clinic = new TestAccounts(provisioning);
        TestAccounts other = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        assertThatThrownBy(() -> roles.changeRole(id(clinic.adminEmail), Role.THERAPIST))
                .isInstanceOf(AccessDeniedException.class);

        TestSignIn.as(users, clinic.adminEmail);
        assertThatThrownBy(() -> roles.changeRole(id(other.therapistEmail), Role.ADMIN))
                .isInstanceOf(AccountException.class).hasMessage("That account no longer exists.");
        assertThat(row(id(other.therapistEmail))).isEqualTo("THERAPIST 0 null");
    }

    private UserId id(String email) {
        return ((SignedInUser) users.loadUserByUsername(email)).userId();
    }

    /** Role, session epoch and the reason the last sessions ended. */
    private String row(UserId user) {
        return jdbc.sql("select role || ' ' || session_epoch || ' ' || coalesce(session_end_reason, 'null') "
                + "from app_user where id = ?").param(user.value()).query(String.class).single();
    }
}

package org.homestretch.security;

import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts against the real (embedded) PostgreSQL, through the services the views use. */
@SpringBootTest
@ActiveProfiles("test")
class AccountServiceTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    AccountService accounts;
    @Autowired
    org.homestretch.clinic.ClinicService clinics;
    @Autowired
    AccountUserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void stores_an_account_and_finds_it_by_email_in_any_letter_case() {
        TestAccounts clinic = new TestAccounts(provisioning);

        SignedInUser found = (SignedInUser) userDetails.loadUserByUsername(clinic.therapistEmail.toUpperCase());

        assertThat(found.clinicId()).isEqualTo(clinic.clinicId);
        assertThat(found.displayName()).isEqualTo("Theo Therapist");
        assertThat(found.role()).isEqualTo(Role.THERAPIST);
        assertThat(found.isEnabled()).isTrue();
        assertThat(found.getPassword()).startsWith("{bcrypt}").doesNotContain(TestAccounts.PASSWORD);
        assertThat(passwordEncoder.matches(TestAccounts.PASSWORD, found.getPassword())).isTrue();
    }

    @Test
    void refuses_a_second_account_with_the_same_email() {
        TestAccounts clinic = new TestAccounts(provisioning);

        assertThatThrownBy(() -> provisioning.addAccount(clinic.clinicId,
                new NewAccount("Other", " " + clinic.therapistEmail.toUpperCase(), TestAccounts.PASSWORD, Role.THERAPIST)))
                .isInstanceOf(AccountException.class)
                .hasMessageContaining("already exists")
                .extracting(e -> ((AccountException) e).field()).isEqualTo("email");
    }

    @Test
    void refuses_a_short_password_even_when_a_form_is_bypassed() {
        TestAccounts clinic = new TestAccounts(provisioning);

        assertThatThrownBy(() -> provisioning.addAccount(clinic.clinicId,
                new NewAccount("Short", "short-" + clinic.adminEmail, "too-short", Role.THERAPIST)))
                .isInstanceOf(AccountException.class)
                .extracting(e -> ((AccountException) e).field()).isEqualTo("password");
    }

    @Test
    void an_admin_sees_and_manages_only_their_own_clinics_accounts() {
        TestAccounts mine = new TestAccounts(provisioning);
        TestAccounts other = new TestAccounts(provisioning);
        UserId otherTherapist = ((SignedInUser) userDetails.loadUserByUsername(other.therapistEmail)).userId();

        signIn(mine.adminEmail);

        assertThat(accounts.countUsers()).isEqualTo(2);
        assertThat(accounts.users(0, 50)).extracting(UserAccount::email)
                .containsExactlyInAnyOrder(mine.adminEmail, mine.therapistEmail);
        assertThatThrownBy(() -> accounts.setEnabled(otherTherapist, false))
                .isInstanceOf(AccountException.class).hasMessageContaining("no longer exists");
        assertThat(userDetails.loadUserByUsername(other.therapistEmail).isEnabled()).isTrue();
    }

    @Test
    void a_disabled_account_is_marked_disabled_for_sign_in_and_can_be_enabled_again() {
        TestAccounts clinic = new TestAccounts(provisioning);
        UserId therapist = ((SignedInUser) userDetails.loadUserByUsername(clinic.therapistEmail)).userId();
        signIn(clinic.adminEmail);

        accounts.setEnabled(therapist, false);
        assertThat(userDetails.loadUserByUsername(clinic.therapistEmail).isEnabled()).isFalse();

        accounts.setEnabled(therapist, true);
        assertThat(userDetails.loadUserByUsername(clinic.therapistEmail).isEnabled()).isTrue();
    }

    @Test
    void an_admin_cannot_disable_themselves_or_the_last_admin() {
        TestAccounts clinic = new TestAccounts(provisioning);
        SignedInUser admin = (SignedInUser) userDetails.loadUserByUsername(clinic.adminEmail);
        signIn(clinic.adminEmail);

        assertThatThrownBy(() -> accounts.setEnabled(admin.userId(), false))
                .isInstanceOf(AccountException.class).hasMessageContaining("your own account");
    }

    @Test
    void a_therapist_cannot_manage_accounts() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signIn(clinic.therapistEmail);

        assertThatThrownBy(() -> accounts.countUsers()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.addUser(
                new NewAccount("Sneaky", "sneaky-" + clinic.adminEmail, TestAccounts.PASSWORD, Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(clinics.current().name()).isEqualTo(clinic.clinicName);
    }

    @Test
    void nobody_signed_in_means_no_clinic_data() {
        assertThatThrownBy(() -> clinics.current()).isInstanceOf(AccessDeniedException.class);
    }

    private void signIn(String email) {
        TestSignIn.as(userDetails, email);
    }
}

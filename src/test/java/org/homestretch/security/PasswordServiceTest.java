package org.homestretch.security;

import org.homestretch.support.MutableClock;
import org.homestretch.support.RecordingSessionEnder;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing and resetting passwords against the real (embedded) PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class PasswordServiceTest {

    private static final String NEW_PASSWORD = "heron lantern quilt";

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PasswordService passwords;
    @Autowired
    AccountUserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    RecordingSessionEnder sessionEnder;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        TestSignIn.out();
        clock.reset();
    }

    @Test
    void weak_passwords_are_refused_wherever_an_account_is_made() {
        TestAccounts clinic = new TestAccounts(provisioning);
        for (String weak : new String[]{"password1234", "aaaaaaaaaaaa", "123456789012"}) {
            assertThatThrownBy(() -> provisioning.addAccount(clinic.clinicId,
                    new NewAccount("Weak", "weak-" + clinic.adminEmail, weak, Role.THERAPIST)))
                    .isInstanceOf(AccountException.class).hasMessageStartingWith("This password is too easy to guess.")
                    .extracting(e -> ((AccountException) e).field()).isEqualTo("password");
            assertThatThrownBy(() -> provisioning.createClinic("Weak Clinic", ZoneId.of("UTC"),
                    new NewAccount("Weak", "weak-first-" + clinic.adminEmail, weak, Role.ADMIN)))
                    .isInstanceOf(AccountException.class).hasMessageStartingWith("This password is too easy to guess.");
        }
        assertThatThrownBy(() -> provisioning.addAccount(clinic.clinicId,
                new NewAccount("Robin Reyes", "robin.reyes@example.org", "robin reyes 2026", Role.THERAPIST)))
                .isInstanceOf(AccountException.class).hasMessageContaining("your name or email");
        assertThat(jdbc.sql("select count(*) from app_user where email like 'weak%' or email like 'robin.reyes%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void a_user_changes_their_password_knowing_the_current_one_and_their_other_sessions_end() {
        TestAccounts clinic = new TestAccounts(provisioning);
        SignedInUser theo = signIn(clinic.therapistEmail);

        assertThatThrownBy(() -> passwords.changeOwnPassword("not my password", NEW_PASSWORD, "session-1"))
                .isInstanceOf(AccountException.class).hasMessage("That is not your current password.")
                .extracting(e -> ((AccountException) e).field()).isEqualTo("currentPassword");
        assertThatThrownBy(() -> passwords.changeOwnPassword(TestAccounts.PASSWORD, "password1234", "session-1"))
                .isInstanceOf(AccountException.class).hasMessageStartingWith("This password is too easy to guess.")
                .extracting(e -> ((AccountException) e).field()).isEqualTo("newPassword");
        assertThatThrownBy(() -> passwords.changeOwnPassword(TestAccounts.PASSWORD, TestAccounts.PASSWORD, "session-1"))
                .isInstanceOf(AccountException.class).hasMessageContaining("not the one you have now");
        assertThat(sessionEnder.requestsFor(theo.userId())).isEmpty();
        assertThat(encoder.matches(TestAccounts.PASSWORD, hashOf(clinic.therapistEmail))).isTrue();

        passwords.changeOwnPassword(TestAccounts.PASSWORD, NEW_PASSWORD, "session-1");

        assertThat(encoder.matches(NEW_PASSWORD, hashOf(clinic.therapistEmail))).isTrue();
        assertThat(encoder.matches(TestAccounts.PASSWORD, hashOf(clinic.therapistEmail))).isFalse();
        assertThat(sessionEnder.requestsFor(theo.userId()))
                .containsExactly(new RecordingSessionEnder.Request(theo.userId(), "session-1"));
    }

    @Test
    void a_reset_link_sets_a_password_once_and_ends_every_session_of_the_account() {
        TestAccounts clinic = new TestAccounts(provisioning);
        UserId theo = userId(clinic.therapistEmail);
        signIn(clinic.adminEmail);

        ResetLink link = passwords.issueResetLink(theo);
        TestSignIn.out();

        String token = tokenOf(link);
        assertThat(token).hasSize(43);
        assertThat(link.emailed()).isFalse();
        assertThat(link.toString()).doesNotContain(token);
        // Stored: one row, with the token's SHA-256 only.
        assertThat(jdbc.sql("select count(*) from password_reset where user_id = :u").param("u", theo.value())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select encode(token_hash, 'hex') from password_reset where user_id = :u")
                .param("u", theo.value()).query(String.class).single())
                .isEqualTo(HexFormat.of().formatHex(PasswordService.sha256(token)));
        assertThat(passwords.checkResetLink(token)).isEqualTo(ResetLinkState.VALID);

        assertThatThrownBy(() -> passwords.resetPassword(token, "123456789012"))
                .isInstanceOf(AccountException.class).extracting(e -> ((AccountException) e).field())
                .isEqualTo("password");
        assertThat(passwords.checkResetLink(token)).isEqualTo(ResetLinkState.VALID);

        passwords.resetPassword(token, NEW_PASSWORD);

        assertThat(encoder.matches(NEW_PASSWORD, hashOf(clinic.therapistEmail))).isTrue();
        assertThat(sessionEnder.requestsFor(theo)).containsExactly(new RecordingSessionEnder.Request(theo, null));
        assertThat(passwords.checkResetLink(token)).isEqualTo(ResetLinkState.USED);
        assertThatThrownBy(() -> passwords.resetPassword(token, "another heron lantern"))
                .isInstanceOf(AccountException.class).hasMessageContaining("already been used");
        assertThat(encoder.matches(NEW_PASSWORD, hashOf(clinic.therapistEmail))).isTrue();
    }

    @Test
    void a_reset_link_expires_after_24_hours_and_a_newer_link_replaces_an_older_one() {
        TestAccounts clinic = new TestAccounts(provisioning);
        UserId theo = userId(clinic.therapistEmail);
        signIn(clinic.adminEmail);
        String first = tokenOf(passwords.issueResetLink(theo));
        String second = tokenOf(passwords.issueResetLink(theo));
        TestSignIn.out();

        assertThat(passwords.checkResetLink(first)).isEqualTo(ResetLinkState.UNKNOWN);
        assertThat(jdbc.sql("select count(*) from password_reset where user_id = :u").param("u", theo.value())
                .query(Integer.class).single()).isEqualTo(1);

        clock.set(clock.instant().plus(Duration.ofHours(24)).minusSeconds(5));
        assertThat(passwords.checkResetLink(second)).isEqualTo(ResetLinkState.VALID);
        clock.advance(Duration.ofSeconds(5));
        assertThat(passwords.checkResetLink(second)).isEqualTo(ResetLinkState.EXPIRED);
        assertThatThrownBy(() -> passwords.resetPassword(second, NEW_PASSWORD))
                .isInstanceOf(AccountException.class).hasMessageContaining("expired");
        assertThat(encoder.matches(TestAccounts.PASSWORD, hashOf(clinic.therapistEmail))).isTrue();

        assertThat(passwords.checkResetLink("not-a-token")).isEqualTo(ResetLinkState.UNKNOWN);
        assertThat(passwords.checkResetLink(null)).isEqualTo(ResetLinkState.UNKNOWN);
    }

    @Test
    void only_an_admin_resets_and_only_another_enabled_user_of_their_own_clinic() {
        TestAccounts mine = new TestAccounts(provisioning);
        TestAccounts other = new TestAccounts(provisioning);

        signIn(mine.therapistEmail);
        assertThatThrownBy(() -> passwords.issueResetLink(userId(mine.adminEmail)))
                .isInstanceOf(AccessDeniedException.class);

        signIn(mine.adminEmail);
        assertThatThrownBy(() -> passwords.issueResetLink(userId(other.therapistEmail)))
                .isInstanceOf(AccountException.class).hasMessageContaining("no longer exists");
        assertThatThrownBy(() -> passwords.issueResetLink(userId(mine.adminEmail)))
                .isInstanceOf(AccountException.class).hasMessageContaining("your user menu");
        jdbc.sql("update app_user set enabled = false where email = :e").param("e", mine.therapistEmail).update();
        assertThatThrownBy(() -> passwords.issueResetLink(userId(mine.therapistEmail)))
                .isInstanceOf(AccountException.class).hasMessageContaining("Enable the account first");
        assertThat(jdbc.sql("select count(*) from password_reset r join app_user u on u.id = r.user_id "
                        + "where u.clinic_id in (:a, :b)").param("a", mine.clinicId.value())
                .param("b", other.clinicId.value()).query(Integer.class).single()).isZero();
    }

    @Test
    void the_reset_email_says_who_made_the_link_and_how_long_it_works() {
        String text = ResetLinkMailer.text("Theo Therapist", "Ada Admin", "https://clinic.example/reset-password?token=x");
        assertThat(text).contains("Hello Theo Therapist,").contains("Ada Admin has made a link")
                .contains("within 24 hours").contains("only once").contains("https://clinic.example/reset-password?token=x");
    }

    private static String tokenOf(ResetLink link) {
        assertThat(link.url()).contains("/reset-password?token=");
        return link.url().substring(link.url().indexOf("token=") + "token=".length());
    }

    private SignedInUser signIn(String email) {
        return (SignedInUser) TestSignIn.as(userDetails, email);
    }

    private UserId userId(String email) {
        return ((SignedInUser) userDetails.loadUserByUsername(email)).userId();
    }

    private String hashOf(String email) {
        return jdbc.sql("select password_hash from app_user where email = :e").param("e", email)
                .query(String.class).single();
    }
}

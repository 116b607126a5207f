package org.homestretch.security;

import org.homestretch.support.AuthenticatorApp;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two-factor sign-in against the real (embedded) PostgreSQL, with codes made as a phone makes them. */
@SpringBootTest
@ActiveProfiles("test")
class TwoFactorServiceTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    AccountUserDetailsService userDetails;
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
    void turning_it_on_needs_a_right_code_and_gives_ten_recovery_codes_stored_hashed() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        SignedInUser theo = signIn(clinic.therapistEmail);

        TwoFactorService.Enrolment enrolment = twoFactor.startEnrolment();
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/HomeStretch:")
                .contains("secret=" + enrolment.secret()).contains("issuer=HomeStretch");
        assertThat(enrolment.toString()).doesNotContain(enrolment.secret());
        assertThat(twoFactor.status().enabled()).isFalse();
        // Opened again before it is confirmed (a reload): the same key, which the app has already.
        assertThat(twoFactor.startEnrolment().secret()).isEqualTo(enrolment.secret());
        assertThat(count("select count(*) from two_factor where user_id = :u", theo)).isOne();

        assertThatThrownBy(() -> twoFactor.confirmEnrolment(wrong(AuthenticatorApp.code(enrolment.secret(), clock.instant()))))
                .isInstanceOf(AccountException.class).hasMessageStartingWith("That code is not right.");
        assertThat(twoFactor.status().enabled()).isFalse();

        List<String> codes = twoFactor.confirmEnrolment(AuthenticatorApp.code(enrolment.secret(), clock.instant()));

        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(twoFactor.status()).isEqualTo(new TwoFactorStatus(true, false, 10));
        assertThat(count("select count(*) from recovery_code where user_id = :u", theo)).isEqualTo(10);
        List<String> stored = jdbc.sql("select encode(code_hash, 'hex') from recovery_code where user_id = :u")
                .param("u", theo.userId().value()).query(String.class).list();
        assertThat(stored).noneMatch(hash -> codes.stream().anyMatch(code -> hash.contains(code.replace("-", ""))));
        assertThat(jdbc.sql("select secret from two_factor where user_id = :u and confirmed_at is not null")
                .param("u", theo.userId().value()).query(String.class).single()).isEqualTo(enrolment.secret());
    }

    @Test
    void a_code_signs_in_once_a_wrong_one_is_refused_and_a_recovery_code_works_once_and_only_once() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        SignedInUser theo = signIn(clinic.therapistEmail);
        String secret = twoFactor.startEnrolment().secret();
        List<String> recovery = twoFactor.confirmEnrolment(AuthenticatorApp.code(secret, clock.instant()));
        assertThat(twoFactor.signInStep()).as("this test's sign-in has no code factor").isEqualTo(SecondStep.CODE);

        clock.advance(Duration.ofSeconds(30));
        String code = AuthenticatorApp.code(secret, clock.instant());
        assertThat(twoFactor.verifySignInCode(code)).isEqualTo(new TwoFactorService.SignInCode(false, 10));
        // The same code again, within its 30 seconds: refused.
        assertThatThrownBy(() -> twoFactor.verifySignInCode(code))
                .isInstanceOf(AccountException.class).hasMessageStartingWith("That code is not right.");
        assertThatThrownBy(() -> twoFactor.verifySignInCode(wrong(AuthenticatorApp.code(secret, clock.instant()))))
                .isInstanceOf(AccountException.class).extracting(e -> ((AccountException) e).field()).isEqualTo("code");

        assertThat(twoFactor.verifySignInCode(recovery.get(3).toUpperCase())).isEqualTo(new TwoFactorService.SignInCode(true, 9));
        assertThat(count("select count(*) from recovery_code where user_id = :u and used_at is not null", theo)).isEqualTo(1);
        assertThatThrownBy(() -> twoFactor.verifySignInCode(recovery.get(3)))
                .isInstanceOf(AccountException.class).hasMessageStartingWith("That code is not right.");
        assertThat(count("select count(*) from recovery_code where user_id = :u and used_at is not null", theo)).isEqualTo(1);
        assertThat(twoFactor.status().recoveryCodesLeft()).isEqualTo(9);
    }

    @Test
    void five_wrong_codes_in_a_row_lock_the_second_step_for_15_minutes_even_for_a_right_code() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        signIn(clinic.therapistEmail);
        String secret = twoFactor.startEnrolment().secret();
        twoFactor.confirmEnrolment(AuthenticatorApp.code(secret, clock.instant()));
        clock.advance(Duration.ofSeconds(30));

        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> twoFactor.verifySignInCode("000000")).hasMessageStartingWith("That code is not right.");
        }
        assertThatThrownBy(() -> twoFactor.verifySignInCode("000000")).hasMessage("Too many wrong codes. Try again in 15 minutes.");
        assertThatThrownBy(() -> twoFactor.verifySignInCode(AuthenticatorApp.code(secret, clock.instant())))
                .hasMessage("Too many wrong codes. Try again in 15 minutes.");

        clock.advance(Duration.ofMinutes(14).plusSeconds(30));
        assertThatThrownBy(() -> twoFactor.verifySignInCode(AuthenticatorApp.code(secret, clock.instant())))
                .hasMessage("Too many wrong codes. Try again in 1 minute.");
        clock.advance(Duration.ofSeconds(30));
        assertThat(twoFactor.verifySignInCode(AuthenticatorApp.code(secret, clock.instant())).recoveryCode()).isFalse();
    }

    @Test
    void an_admin_with_two_factor_requires_it_for_the_clinic_and_users_without_it_must_set_it_up() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));

        signIn(clinic.therapistEmail);
        assertThatThrownBy(() -> twoFactor.requireForClinic(true)).isInstanceOf(AccessDeniedException.class);
        assertThat(twoFactor.signInStep()).isEqualTo(SecondStep.NONE);

        signIn(clinic.adminEmail);
        assertThatThrownBy(() -> twoFactor.requireForClinic(true))
                .isInstanceOf(AccountException.class).hasMessageContaining("your own account first");
        String secret = twoFactor.startEnrolment().secret();
        twoFactor.confirmEnrolment(AuthenticatorApp.code(secret, clock.instant()));
        twoFactor.requireForClinic(true);
        assertThat(twoFactor.clinicRequiresTwoFactor()).isTrue();

        signIn(clinic.therapistEmail);
        assertThat(twoFactor.signInStep()).isEqualTo(SecondStep.ENROL);
        assertThat(twoFactor.status()).isEqualTo(new TwoFactorStatus(false, true, 0));

        // While the clinic requires it, nobody turns it off.
        signIn(clinic.adminEmail);
        assertThatThrownBy(() -> twoFactor.turnOff(TestAccounts.PASSWORD)).hasMessageContaining("requires");
        twoFactor.requireForClinic(false);
        assertThatThrownBy(() -> twoFactor.turnOff("not my password")).hasMessage("That is not your password.");
        twoFactor.turnOff(TestAccounts.PASSWORD);
        assertThat(twoFactor.status()).isEqualTo(new TwoFactorStatus(false, false, 0));
        assertThat(count("select count(*) from recovery_code where user_id = :u",
                (SignedInUser) userDetails.loadUserByUsername(clinic.adminEmail))).isZero();
    }

    @Test
    void an_admin_turns_off_two_factor_for_a_user_of_their_clinic_who_lost_their_phone() {
        TestAccounts clinic = new TestAccounts(provisioning);
        TestAccounts other = new TestAccounts(provisioning);
        clock.set(Instant.parse("2026-03-02T09:00:10Z"));
        SignedInUser theo = signIn(clinic.therapistEmail);
        twoFactor.confirmEnrolment(AuthenticatorApp.code(twoFactor.startEnrolment().secret(), clock.instant()));
        assertThatThrownBy(() -> twoFactor.turnOffFor(theo.userId())).isInstanceOf(AccessDeniedException.class);

        signIn(other.adminEmail);
        assertThatThrownBy(() -> twoFactor.turnOffFor(theo.userId())).hasMessageContaining("no longer exists");
        assertThat(count("select count(*) from two_factor where user_id = :u", theo)).isOne();

        SignedInUser ada = signIn(clinic.adminEmail);
        assertThat(twoFactor.isOnFor(theo.userId())).isTrue();
        assertThatThrownBy(() -> twoFactor.turnOffFor(ada.userId())).hasMessageContaining("your own user menu");
        twoFactor.turnOffFor(theo.userId());

        assertThat(twoFactor.isOnFor(theo.userId())).isFalse();
        assertThat(count("select count(*) from two_factor where user_id = :u", theo)).isZero();
        assertThat(count("select count(*) from recovery_code where user_id = :u", theo)).isZero();
    }

    private static String wrong(String code) {
        return code.charAt(0) == '9' ? "0" + code.substring(1) : (char) (code.charAt(0) + 1) + code.substring(1);
    }

    private SignedInUser signIn(String email) {
        return (SignedInUser) TestSignIn.as(userDetails, email);
    }

    private int count(String sql, SignedInUser user) {
        return jdbc.sql(sql).param("u", user.userId().value()).query(Integer.class).single();
    }
}

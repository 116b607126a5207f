package org.homestretch.security;

import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only an admin of the account's own clinic sees or lifts a sign-in lock; the service checks, not only the view. */
@SpringBootTest
@ActiveProfiles("test")
class SignInLocksTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    SignInLocks locks;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    JdbcClient jdbc;

    TestAccounts clinic;
    UserId therapist;

    @BeforeEach
    void lockTheTherapist() {
        clinic = new TestAccounts(provisioning);
        therapist = ((SignedInUser) userDetails.loadUserByUsername(clinic.therapistEmail)).userId();
        jdbc.sql("insert into sign_in_account (user_id, failures, window_start, locked_until) values (?, 7, ?, ?)")
                .params(therapist.value(), Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now().plus(Duration.ofMinutes(15)))).update();
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    @Test
    void a_therapist_can_neither_see_nor_lift_a_lock() {
        TestSignIn.as(userDetails, clinic.therapistEmail);

        assertThatThrownBy(() -> locks.lockedUntil(therapist)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> locks.unlock(therapist)).isInstanceOf(AccessDeniedException.class);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void an_admin_of_another_clinic_finds_nothing_to_see_or_lift() {
        TestAccounts other = new TestAccounts(provisioning);
        TestSignIn.as(userDetails, other.adminEmail);

        assertThat(locks.lockedUntil(therapist)).isEmpty();
        assertThat(locks.unlock(therapist)).isFalse();
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void the_clinics_admin_sees_and_lifts_the_lock() {
        TestSignIn.as(userDetails, clinic.adminEmail);

        assertThat(locks.lockedUntil(therapist)).isPresent();
        assertThat(locks.unlock(therapist)).isTrue();
        assertThat(rows()).isZero();
        assertThat(locks.lockedUntil(therapist)).isEmpty();
    }

    private int rows() {
        return jdbc.sql("select count(*) from sign_in_account where user_id = ?").param(therapist.value())
                .query(Integer.class).single();
    }
}

package org.homestretch.security;

import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sign-in limits against the real (embedded) PostgreSQL. The HTTP side, through the real
 * security chain, is in {@code e2e/SignInProtectionTest}.
 */
@SpringBootTest
@ActiveProfiles("test")
class SignInAttemptsTest {

    private static final Instant T = Instant.parse("2031-03-04T09:30:00Z");

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    SignInAttempts attempts;
    @Autowired
    SignInAttemptRepository repository;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void the_delay_doubles_from_two_seconds_after_the_fifth_failure_and_stops_at_fifteen_minutes() {
        assertThat(SignInAttempts.waitAfter(4)).isZero();
        assertThat(SignInAttempts.waitAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInAttempts.waitAfter(6)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SignInAttempts.waitAfter(7)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInAttempts.waitAfter(13)).isEqualTo(Duration.ofSeconds(512));
        assertThat(SignInAttempts.waitAfter(14)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInAttempts.waitAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_lock_is_read_from_the_database_by_a_fresh_instance_as_after_a_restart() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        for (int i = 1; i <= SignInAttempts.ACCOUNT_FAILURES; i++) {
            SignInAttempts.AccountClaim claim = attempts.claimAccount(clinic.therapistEmail).orElseThrow();
            assertThat(claim.refused()).as("attempt " + i).isFalse();
            attempts.accountFailed(claim);
        }
        assertThat(jdbc.sql("select locked_until from sign_in_account a join app_user u on u.id = a.user_id "
                        + "where u.email = ?").param(clinic.therapistEmail).query(Timestamp.class).single().toInstant())
                .isEqualTo(T.plus(Duration.ofMinutes(15)));

        // A new instance over a new repository shares nothing with the one that counted.
        SignInAttempts afterRestart = new SignInAttempts(new SignInAttemptRepository(jdbc), transactions, clock);
        clock.set(T.plus(Duration.ofMinutes(14)));
        assertThat(afterRestart.claimAccount(clinic.therapistEmail.toUpperCase())).hasValueSatisfying(
                claim -> assertThat(claim.refused()).isTrue());

        clock.set(T.plus(Duration.ofMinutes(15)));
        assertThat(afterRestart.claimAccount(clinic.therapistEmail)).hasValueSatisfying(claim -> {
            assertThat(claim.refused()).isFalse();
            assertThat(claim.number()).isEqualTo(1);
        });
    }

    @Test
    void failures_spread_over_more_than_fifteen_minutes_do_not_lock() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        for (int i = 1; i <= 6; i++) {
            attempts.accountFailed(attempts.claimAccount(clinic.adminEmail).orElseThrow());
        }
        clock.set(T.plus(Duration.ofMinutes(16)));
        SignInAttempts.AccountClaim seventh = attempts.claimAccount(clinic.adminEmail).orElseThrow();
        assertThat(seventh.number()).isEqualTo(1);
        attempts.accountFailed(seventh);
        assertThat(attempts.claimAccount(clinic.adminEmail)).hasValueSatisfying(c -> assertThat(c.refused()).isFalse());
    }

    @Test
    void parallel_guesses_beyond_the_limit_are_refused_before_any_of_them_is_checked() {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        // Ten attempts claimed at once, none finished yet: only the first seven may be checked.
        int checked = 0;
        for (int i = 0; i < 10; i++) {
            if (!attempts.claimAccount(clinic.therapistEmail).orElseThrow().refused()) {
                checked++;
            }
        }
        assertThat(checked).isEqualTo(SignInAttempts.ACCOUNT_FAILURES);
    }

    @Test
    void an_unknown_email_is_counted_for_the_client_only() {
        assertThat(attempts.claimAccount("nobody-" + UUID.randomUUID() + "@example.org")).isEmpty();
        assertThat(jdbc.sql("select count(*) from sign_in_account a left join app_user u on u.id = a.user_id "
                + "where u.id is null").query(Integer.class).single()).isZero();
    }

    @Test
    void a_client_waits_after_its_fifth_failure_and_a_success_gives_its_attempt_back() {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID();
        clock.set(T);
        for (int i = 1; i <= 4; i++) {
            assertThat(attempts.claimClient(client).tooSoon()).isFalse();
        }
        assertThat(attempts.waitFor(client)).isZero();
        SignInAttempts.ClientClaim fifth = attempts.claimClient(client);
        assertThat(attempts.waitFor(client)).isEqualTo(Duration.ofSeconds(2));
        assertThat(attempts.claimClient(client).waitTime()).isEqualTo(Duration.ofSeconds(2));

        // The fifth attempt turned out right: it was no failure, and nobody has to wait for it.
        attempts.clientSucceeded(fifth);
        assertThat(attempts.waitFor(client)).isZero();
        assertThat(jdbc.sql("select failures from sign_in_client where client = ?").param(client)
                .query(Integer.class).single()).isEqualTo(4);

        attempts.claimClient(client);
        clock.set(T.plus(Duration.ofSeconds(2)));
        attempts.claimClient(client);
        assertThat(attempts.waitFor(client)).isEqualTo(Duration.ofSeconds(4));

        // Fifteen quiet minutes: the count starts again.
        clock.set(T.plus(Duration.ofMinutes(16)));
        attempts.claimClient(client);
        assertThat(attempts.waitFor(client)).isZero();
    }

    @Test
    void every_refusal_costs_one_password_hash_comparison_so_none_answers_faster() {
        TestAccounts clinic = new TestAccounts(provisioning);
        AtomicInteger comparisons = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwordEncoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                comparisons.incrementAndGet();
                return passwordEncoder.matches(raw, encoded);
            }
        };
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetails);
        dao.setPasswordEncoder(counting);
        SignInGuard guard = new SignInGuard(new ProviderManager(dao), attempts, counting,
                SignInGuard.dummyHash(passwordEncoder));
        clock.set(T);

        assertThat(comparisonsFor(guard, comparisons, "nobody-" + UUID.randomUUID() + "@example.org", "guess")).isEqualTo(1);
        assertThat(comparisonsFor(guard, comparisons, clinic.therapistEmail, "wrong password")).isEqualTo(1);
        jdbc.sql("update sign_in_account set locked_until = ? where user_id = (select id from app_user where email = ?)")
                .params(Timestamp.from(T.plus(Duration.ofMinutes(5))), clinic.therapistEmail).update();
        assertThat(comparisonsFor(guard, comparisons, clinic.therapistEmail, TestAccounts.PASSWORD)).isEqualTo(1);
    }

    private int comparisonsFor(SignInGuard guard, AtomicInteger comparisons, String email, String password) {
        comparisons.set(0);
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100." + (1 + (int) (Math.random() * 250)));
        attempt.setDetails(new WebAuthenticationDetails(request));
        assertThatThrownBy(() -> guard.authenticate(attempt)).isInstanceOf(BadCredentialsException.class);
        return comparisons.get();
    }
}

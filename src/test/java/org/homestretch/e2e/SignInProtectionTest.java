package org.homestretch.e2e;

import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homestretch.e2e.SignInClient.location;

/**
 * Sign-in protection through the real security chain over HTTP: the account lock, the growing
 * delay per client address, and the CSRF token the sign-in form needs. The browser's view of the
 * same is in {@link SignInProtectionBrowserTest}.
 */
class SignInProtectionTest extends EndToEndTest {

    private static final Instant T = Instant.parse("2031-06-02T08:30:00Z");
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger();

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** An address (a /64 of the IPv6 documentation prefix) no other attempt in this run comes from. */
    static String freshClient() {
        return "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":"
                + Integer.toHexString(NEXT_CLIENT.incrementAndGet()) + "::7";
    }

    private SignInClient client() {
        return new SignInClient(url(""), freshClient());
    }

    @Test
    void the_eighth_attempt_is_refused_even_with_the_right_password_and_the_lock_is_kept_in_the_database() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        // Seven wrong passwords, each from another address: the lock is per account, not per address.
        for (int i = 1; i <= 7; i++) {
            HttpResponse<String> wrong = client().signIn(clinic.therapistEmail, "wrong password " + i);
            assertThat(location(wrong)).as("attempt " + i).endsWith("/login?error");
        }
        assertThat(jdbc.sql("select count(*) from sign_in_account a join app_user u on u.id = a.user_id "
                + "where u.clinic_id = ? and a.locked_until = ?").params(clinic.clinicId.value(),
                Timestamp.from(T.plus(Duration.ofMinutes(15)))).query(Integer.class).single()).isEqualTo(1);

        SignInClient eighth = client();
        HttpResponse<String> refused = eighth.signIn(clinic.therapistEmail, TestAccounts.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).endsWith("/login?error");
        assertThat(eighth.isSignedIn()).isFalse();

        // The colleague in the same clinic is not affected.
        SignInClient colleague = client();
        assertThat(location(colleague.signIn(clinic.adminEmail, TestAccounts.PASSWORD))).doesNotContain("/login");
        assertThat(colleague.isSignedIn()).isTrue();

        clock.set(T.plus(Duration.ofMinutes(15)));
        SignInClient later = client();
        assertThat(location(later.signIn(clinic.therapistEmail, TestAccounts.PASSWORD))).doesNotContain("/login");
        assertThat(later.isSignedIn()).isTrue();
        assertThat(jdbc.sql("select count(*) from sign_in_account a join app_user u on u.id = a.user_id "
                + "where u.clinic_id = ?").param(clinic.clinicId.value()).query(Integer.class).single()).isZero();
    }

    @Test
    void a_lock_written_by_another_server_or_before_a_restart_is_honoured() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        // This server never saw a failure for the account: only the row says it is locked.
        jdbc.sql("insert into sign_in_account (user_id, failures, window_start, locked_until) "
                        + "select id, 7, ?, ? from app_user where email = ?")
                .params(Timestamp.from(T.minus(Duration.ofMinutes(3))), Timestamp.from(T.plus(Duration.ofMinutes(12))),
                        clinic.therapistEmail).update();

        SignInClient therapist = client();
        assertThat(location(therapist.signIn(clinic.therapistEmail, TestAccounts.PASSWORD))).endsWith("/login?error");
        assertThat(therapist.isSignedIn()).isFalse();
    }

    @Test
    void an_unknown_email_a_wrong_password_and_a_locked_account_get_the_same_answer() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        jdbc.sql("insert into sign_in_account (user_id, failures, window_start, locked_until) "
                        + "select id, 7, ?, ? from app_user where email = ?")
                .params(Timestamp.from(T), Timestamp.from(T.plus(Duration.ofMinutes(15))), clinic.adminEmail).update();

        HttpResponse<String> unknown = client().signIn("nobody-" + clinic.therapistEmail, TestAccounts.PASSWORD);
        HttpResponse<String> wrong = client().signIn(clinic.therapistEmail, "not the password");
        HttpResponse<String> locked = client().signIn(clinic.adminEmail, TestAccounts.PASSWORD);

        for (HttpResponse<String> answer : new HttpResponse[] {unknown, wrong, locked}) {
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(location(answer)).isEqualTo(url("/login?error"));
            assertThat(answer.body()).isEqualTo(wrong.body());
        }
    }

    @Test
    void a_successful_sign_in_starts_the_count_again() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        for (int i = 1; i <= 6; i++) {
            client().signIn(clinic.therapistEmail, "wrong " + i);
        }
        assertThat(client().signIn(clinic.therapistEmail, TestAccounts.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        for (int i = 1; i <= 6; i++) {
            client().signIn(clinic.therapistEmail, "wrong again " + i);
        }
        SignInClient therapist = client();
        assertThat(location(therapist.signIn(clinic.therapistEmail, TestAccounts.PASSWORD))).doesNotContain("/login");
        assertThat(therapist.isSignedIn()).isTrue();
    }

    @Test
    void after_five_failures_from_one_address_each_attempt_waits_longer_and_early_ones_are_refused_unchecked()
            throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        String address = freshClient();
        SignInClient client = new SignInClient(url(""), address);
        clock.set(T);
        for (int i = 1; i <= 5; i++) {
            assertThat(location(client.signIn("nobody-" + i + "-" + clinic.adminEmail, "guess"))).endsWith("/login?error");
        }
        assertThat(failuresFrom(address)).isEqualTo(5);

        // Too soon, even with the right password: refused at once, and not counted.
        HttpResponse<String> tooSoon = client.signIn(clinic.therapistEmail, TestAccounts.PASSWORD);
        assertThat(location(tooSoon)).endsWith("/login?error");
        assertThat(client.isSignedIn()).isFalse();
        assertThat(failuresFrom(address)).isEqualTo(5);
        assertThat(blockedUntil(address)).isEqualTo(T.plusSeconds(2));

        // The other tests, which all come from this machine, are not slowed down.
        assertThat(jdbc.sql("select count(*) from sign_in_client where client = '127.0.0.1' and blocked_until > ?")
                .param(Timestamp.from(T)).query(Integer.class).single()).isZero();

        clock.set(T.plusSeconds(2));
        client.signIn(clinic.therapistEmail, "wrong");
        assertThat(blockedUntil(address)).isEqualTo(T.plusSeconds(2 + 4));
        clock.set(T.plusSeconds(6));
        client.signIn(clinic.therapistEmail, "wrong");
        assertThat(blockedUntil(address)).isEqualTo(T.plusSeconds(6 + 8));

        clock.set(T.plusSeconds(14));
        assertThat(location(client.signIn(clinic.therapistEmail, TestAccounts.PASSWORD))).doesNotContain("/login");
        assertThat(client.isSignedIn()).isTrue();
    }

    @Test
    void the_login_address_answers_with_homestretchs_page_carrying_the_token_never_springs_generated_page()
            throws Exception {
        String page = client().get("/login").body();
        // Spring's own page (it shadowed ours on a first visit before the login page was named early).
        assertThat(page).doesNotContain("default-ui.css").doesNotContain("Please sign in");
        assertThat(SignInClient.csrfFields(page)).containsEntry("_csrf_parameter", "_csrf");
    }

    @Test
    void a_sign_in_post_without_the_csrf_token_is_refused_and_signs_nobody_in() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);

        // As from another site: no cookie, no token.
        SignInClient crossSite = client();
        HttpResponse<String> forged = crossSite.post("/login",
                Map.of("username", clinic.therapistEmail, "password", TestAccounts.PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(location(forged)).isEqualTo(url("/login?again"));
        assertThat(crossSite.isSignedIn()).isFalse();

        // With the session cookie of an opened login page, but without its token.
        SignInClient cookieOnly = client();
        cookieOnly.get("/login");
        HttpResponse<String> withCookie = cookieOnly.post("/login",
                Map.of("username", clinic.therapistEmail, "password", TestAccounts.PASSWORD, "_csrf", "forged"));
        assertThat(location(withCookie)).isEqualTo(url("/login?again"));
        assertThat(cookieOnly.isSignedIn()).isFalse();

        // No failure is counted for a forged post: it cannot lock anyone out.
        assertThat(jdbc.sql("select count(*) from sign_in_account a join app_user u on u.id = a.user_id "
                + "where u.clinic_id = ?").param(clinic.clinicId.value()).query(Integer.class).single()).isZero();

        // The same client with the page's token signs in.
        assertThat(location(cookieOnly.signIn(clinic.therapistEmail, TestAccounts.PASSWORD))).doesNotContain("/login");
        assertThat(cookieOnly.isSignedIn()).isTrue();
    }

    private int failuresFrom(String address) {
        return jdbc.sql("select failures from sign_in_client where client = ?").param(address.replace("::7", "::/64"))
                .query(Integer.class).single();
    }

    private Instant blockedUntil(String address) {
        return jdbc.sql("select blocked_until from sign_in_client where client = ?").param(address.replace("::7", "::/64"))
                .query(Timestamp.class).single().toInstant();
    }
}

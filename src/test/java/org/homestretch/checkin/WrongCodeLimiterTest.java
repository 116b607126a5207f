package org.homestretch.checkin;

import org.homestretch.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrong-code limiter on the real database: counters shared by every instance (as by every
 * server), kept across a restart, and one count for all the ways to write one client's address.
 */
@SpringBootTest
@ActiveProfiles("test")
class WrongCodeLimiterTest {

    // Years away from every other test, so that no other failures fall into these windows.
    private static final Instant T = Instant.parse("2004-05-06T10:00:00Z");

    @Autowired
    WrongCodeLimiter limiter;
    @Autowired
    WrongCodeRepository failures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    private int codes;

    @BeforeEach
    void setClock() {
        clock.set(T);
    }

    @AfterEach
    void forgetAndBackToRealTime() {
        try {
            jdbc.sql("delete from wrong_code_failure where failed_at between :from and :to")
                    .param("from", Timestamp.from(T.minus(Duration.ofDays(1))))
                    .param("to", Timestamp.from(T.plus(Duration.ofDays(1)))).update();
        } finally {
            clock.reset();
        }
    }

    @Test
    void guesses_from_every_loopback_form_count_as_one_client() {
        String[] forms = {"::1", "127.0.0.1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "127.0.0.9"};
        for (int i = 0; i < 10; i++) {
            String from = forms[i % forms.length];
            assertThat(limiter.waitBefore(from, nextCode())).as("guess %d from %s", i + 1, from).isEmpty();
            limiter.failed(from, lastCode());
        }

        assertThat(limiter.waitBefore("::1", nextCode())).contains(Duration.ofMinutes(15));
        assertThat(limiter.waitBefore("127.0.0.1", nextCode())).contains(Duration.ofMinutes(15));
        assertThat(limiter.waitBefore("127.200.1.1", nextCode())).contains(Duration.ofMinutes(15));
        // Another client is not held back by them.
        assertThat(limiter.waitBefore("192.0.2.44", nextCode())).isEmpty();
    }

    @Test
    void twenty_loopback_addresses_get_ten_guesses_not_two_hundred() {
        int allowed = 0;
        for (int client = 2; client < 22; client++) {
            for (int i = 0; i < 10; i++) {
                String from = "127.0.0." + client;
                if (limiter.waitBefore(from, nextCode()).isEmpty()) {
                    allowed++;
                    limiter.failed(from, lastCode());
                }
            }
        }

        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void an_ipv4_address_written_as_ipv6_is_that_address_and_ipv6_counts_per_64() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("192.0.2.7", nextCode());
            limiter.failed("::ffff:192.0.2.7", nextCode());
            limiter.failed("2001:db8:1:2::" + Integer.toHexString(i + 1), nextCode());
            limiter.failed("2001:db8:1:2:ffff:" + i + "::1", nextCode());
        }

        assertThat(limiter.waitBefore("192.0.2.7", nextCode())).isPresent();
        assertThat(limiter.waitBefore("[2001:db8:1:2::abcd]", nextCode())).isPresent();
        assertThat(limiter.waitBefore("2001:db8:1:3::1", nextCode())).isEmpty();
    }

    @Test
    void a_restarted_server_or_a_second_one_still_refuses() {
        for (int i = 0; i < 10; i++) {
            limiter.failed("192.0.2.61", nextCode());
        }

        // A new instance holds nothing in memory: what it knows comes from the database.
        WrongCodeLimiter afterRestart = new WrongCodeLimiter(failures, clock, 10, Duration.ofMinutes(15));
        assertThat(afterRestart.waitBefore("192.0.2.61", nextCode())).contains(Duration.ofMinutes(15));
    }

    @Test
    void the_wait_ends_when_the_failures_leave_the_window_and_old_rows_are_deleted() {
        for (int i = 0; i < 10; i++) {
            limiter.failed("192.0.2.80", nextCode());
            clock.advance(Duration.ofMinutes(1));
        }
        // Ten failures at T, T+1 ... T+9 minutes; now is T+10: the first leaves at T+15.
        assertThat(limiter.waitBefore("192.0.2.80", nextCode())).contains(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(4));
        assertThat(limiter.waitBefore("192.0.2.80", nextCode())).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.waitBefore("192.0.2.80", nextCode())).isEmpty();

        // The next wrong code deletes every failure that left the window (T, as of T+15).
        limiter.failed("192.0.2.80", nextCode());
        assertThat(rows("addr:192.0.2.80")).isEqualTo(10);
    }

    @Test
    void one_code_prefix_is_limited_from_any_address() {
        for (int i = 0; i < 10; i++) {
            limiter.failed("198.51.100." + i, "QRTU-" + code(i).substring(5));
        }

        Optional<Duration> wait = limiter.waitBefore("198.51.100.200", "qrtu-xxxx");
        assertThat(wait).contains(Duration.ofMinutes(15));
    }

    private int rows(String key) {
        return jdbc.sql("select count(*) from wrong_code_failure where counter_key = :key")
                .param("key", key).query(Integer.class).single();
    }

    /** A different well-formed code each time, with its own first four characters. */
    private String nextCode() {
        return code(++codes);
    }

    private String lastCode() {
        return code(codes);
    }

    private static String code(int n) {
        // Reversed, so that the digits that change come first and every code has its own prefix.
        String digits = new StringBuilder(String.format("%08d", n)).reverse().toString();
        StringBuilder code = new StringBuilder();
        for (char c : digits.toCharArray()) {
            code.append(AccessKeys.CODE_ALPHABET.charAt(c - '0'));
        }
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}

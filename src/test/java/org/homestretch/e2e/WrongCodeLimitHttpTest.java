package org.homestretch.e2e;

import org.homestretch.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong access codes on the phone page over real HTTP: connections over IPv6 loopback
 * ({@code ::1}) and IPv4 loopback ({@code 127.0.0.1}) are one client, and so is every loopback
 * address a trusted proxy names in {@code X-Forwarded-For}.
 */
class WrongCodeLimitHttpTest extends EndToEndTest {

    // Far from real time and from every other test's clock: only this test's failures count here.
    private static final Instant T = Instant.parse("2033-02-03T09:00:00Z");
    private static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
    void ipv6_and_ipv4_loopback_share_one_count_until_the_wait_is_over() throws Exception {
        clock.set(T);
        for (int i = 0; i < 5; i++) {
            assertThat(post("http://[::1]:" + port, code(i), null).statusCode()).isEqualTo(422);
            assertThat(post("http://127.0.0.1:" + port, code(i + 5), null).statusCode()).isEqualTo(422);
        }

        HttpResponse<String> held = post("http://[::1]:" + port, code(10), null);
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.body()).contains("Too many wrong codes. Please wait 15 minutes");
        assertThat(held.headers().firstValue("Retry-After")).contains("900");
        assertThat(post("http://127.0.0.1:" + port, code(11), null).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(15));
        HttpResponse<String> later = post("http://127.0.0.1:" + port, code(12), null);
        assertThat(later.statusCode()).isEqualTo(422);
        assertThat(later.body()).contains("This code does not work");
    }

    @Test
    void twenty_loopback_addresses_behind_the_proxy_get_ten_guesses() throws Exception {
        clock.set(T.plus(Duration.ofHours(2)));
        int wrong = 0;
        int held = 0;
        for (int client = 2; client < 22; client++) {
            for (int i = 0; i < 10; i++) {
                int status = post("http://127.0.0.1:" + port, code(client * 10 + i), "127.0.0." + client).statusCode();
                if (status == 422) {
                    wrong++;
                } else if (status == 429) {
                    held++;
                }
            }
        }

        assertThat(wrong).isEqualTo(10);
        assertThat(held).isEqualTo(190);
    }

    private HttpResponse<String> post(String base, String code, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/p"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A well-formed code that is no patient's, with first four characters of its own. */
    private static String code(int n) {
        StringBuilder code = new StringBuilder();
        String digits = new StringBuilder(String.format("%08d", n)).reverse().toString();
        for (char c : digits.toCharArray()) {
            code.append(ALPHABET.charAt(c - '0'));
        }
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}

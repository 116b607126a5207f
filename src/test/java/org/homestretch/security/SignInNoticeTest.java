package org.homestretch.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** What the login page says after a refused sign-in. */
class SignInNoticeTest extends KaribuTest {

    private static final Instant T = Instant.parse("2031-06-02T08:30:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_client_that_must_wait_is_told_how_long_with_the_same_title() {
        String client = ClientAddress.key(VaadinRequest.getCurrent().getRemoteAddr());
        clock.set(T);
        jdbc.sql("insert into sign_in_client (client, failures, last_failure_at, blocked_until) values (?, 6, ?, ?)")
                .params(client, Timestamp.from(T), Timestamp.from(T.plusSeconds(4))).update();
        try {
            UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
            String texts = texts();
            assertThat(texts).contains(LoginView.WRONG_CREDENTIALS_TITLE)
                    .contains("Please wait 4 seconds before trying again.");

            clock.set(T.plusSeconds(4));
            UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
            assertThat(texts()).contains(LoginView.WRONG_CREDENTIALS_MESSAGE).doesNotContain("Please wait");
        } finally {
            jdbc.sql("delete from sign_in_client where client = ?").param(client).update();
        }
    }

    @Test
    void a_sign_in_refused_for_its_missing_token_asks_to_sign_in_again() {
        UI.getCurrent().navigate("login", QueryParameters.of("again", ""));

        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(texts()).contains("Please sign in again").doesNotContain(LoginView.WRONG_CREDENTIALS_TITLE);
    }

    @Test
    void long_waits_are_said_in_minutes() {
        assertThat(SignInNotice.waitMessage(Duration.ofSeconds(1))).isEqualTo("Please wait 1 second before trying again.");
        assertThat(SignInNotice.waitMessage(Duration.ofMillis(1500))).isEqualTo("Please wait 2 seconds before trying again.");
        assertThat(SignInNotice.waitMessage(Duration.ofSeconds(119))).isEqualTo("Please wait 119 seconds before trying again.");
        assertThat(SignInNotice.waitMessage(Duration.ofSeconds(512))).isEqualTo("Please wait 9 minutes before trying again.");
        assertThat(SignInNotice.waitMessage(Duration.ofMinutes(15))).isEqualTo("Please wait 15 minutes before trying again.");
    }

    private static String texts() {
        return String.valueOf(_get(LoginForm.class).getElement().getPropertyRaw("i18n"));
    }
}

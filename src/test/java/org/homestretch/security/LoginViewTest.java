package org.homestretch.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.homestretch.support.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LoginViewTest extends KaribuTest {

    @Test
    void anonymous_user_is_sent_to_login() {
        UI.getCurrent().navigate("");
        _assertOne(LoginView.class);

        UI.getCurrent().navigate("settings/users");
        _assertOne(LoginView.class);
    }

    @Test
    void login_form_posts_to_spring_security_and_shows_a_clear_message_after_a_failed_attempt() {
        UI.getCurrent().navigate("login");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        String texts = String.valueOf(form.getElement().getPropertyRaw("i18n"));
        assertThat(texts).contains("Email or password not recognised").contains("ask your clinic admin");
    }
}

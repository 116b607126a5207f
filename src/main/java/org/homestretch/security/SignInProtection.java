package org.homestretch.security;

import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Sign-in protection on the security filter chain:
 * <ul>
 * <li>The sign-in post needs Spring Security's CSRF token, so that another site cannot sign a
 * browser into an account of its choosing. Vaadin's configurer exempts the login page from CSRF;
 * {@code SecurityConfiguration} turns that off ({@code enableCsrfConfiguration(false)}) and only
 * Vaadin's own requests, which carry Vaadin's own token, stay exempt here. The login form sends
 * the token from the {@code _csrf} meta tags Vaadin writes into every page.</li>
 * <li>A sign-in post without a valid token (e.g. the page sat open longer than its session) goes
 * back to the login page with "please sign in again" instead of an error page.</li>
 * <li>Failures are counted and limited per account and per client ({@link SignInGuard}).</li>
 * </ul>
 */
final class SignInProtection {

    static final String LOGIN_PAGE = "/login";
    static final String SIGN_IN_AGAIN_URL = "/login?again";
    private static final RequestMatcher SIGN_IN_POST =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN_PAGE);

    private SignInProtection() {
    }

    static void apply(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        RequestUtil vaadinRequests = context.getBean(RequestUtil.class);
        SignInAttempts attempts = context.getBean(SignInAttempts.class);
        PasswordEncoder passwordEncoder = context.getBean(PasswordEncoder.class);
        SignInEvents events = context.getBean(SignInEvents.class);
        Supplier<String> dummyHash = SignInGuard.dummyHash(passwordEncoder);

        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.exceptionHandling(handling -> handling.defaultAccessDeniedHandlerFor(new SignInAgain(), SIGN_IN_POST));
        // The login page is named here too, not only by Vaadin's configurer: Spring's form login is
        // set up before Vaadin's configurer runs, and without a page of its own it would also
        // answer GET /login with its generated, unstyled sign-in page.
        http.formLogin(form -> form.loginPage(LOGIN_PAGE).addObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                AuthenticationManager manager = http.getSharedObject(AuthenticationManager.class);
                filter.setAuthenticationManager(new SignInGuard(manager, attempts, passwordEncoder, dummyHash, events));
                return filter;
            }
        }));
    }

    /**
     * A refused CSRF check on the sign-in post sends the browser back to the login page; every other
     * refusal is answered as Spring Security would (403).
     */
    private static final class SignInAgain implements AccessDeniedHandler {

        private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                           AccessDeniedException refusal) throws IOException, jakarta.servlet.ServletException {
            if (refusal instanceof CsrfException && SIGN_IN_POST.matches(request)) {
                new DefaultRedirectStrategy().sendRedirect(request, response, SIGN_IN_AGAIN_URL);
            } else {
                otherwise.handle(request, response, refusal);
            }
        }
    }
}

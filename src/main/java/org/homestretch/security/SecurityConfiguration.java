package org.homestretch.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything needs a signed-in user unless a view says otherwise (Vaadin checks
 * {@code @AnonymousAllowed}, {@code @PermitAll} and {@code @RolesAllowed} on every route).
 * Only the health probe, static styles, the app icons and the patient's page ({@code /p}) are
 * open to anonymous callers; handout PDFs need a signed-in user.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionSecurity sessions) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health")
                .permitAll()
                .requestMatchers("/styles/**", "/images/**").permitAll()
                // The icons and web manifest the patient's page links to (browsers also ask for
                // /favicon.ico on their own). Exact paths: without this, each request made a session.
                .requestMatchers("/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/icon-192.png",
                        "/icon-512.png", "/patient.webmanifest").permitAll()
                // The patient's phone page: no sign-in; its own session cookie decides what it shows.
                // Also the calendar link /p/calendar/<token>.ics, read by calendar apps without any cookie.
                .requestMatchers("/p", "/p/**").permitAll()
                // Spring MVC endpoints outside Vaadin: any signed-in user; the service scopes to the clinic.
                .requestMatchers("/handouts/**").authenticated());
        // Patient forms carry no CSRF token: their cookie is SameSite=Lax (never sent on another
        // site's post) and the controller refuses cross-site posts. This keeps the page stateless.
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/p", "/p/**"));
        SecurityHeaders.apply(http);
        SignInProtection.apply(http);
        TwoFactorConfiguration.configure(http);
        sessions.apply(http);
        // Vaadin sets the login page; a failure handler set here is kept, and remembers the email typed.
        http.formLogin(form -> form.failureHandler(new SignInFailureHandler("/login?error")));
        // Any other address needs a signed-in user, as the views do. Vaadin's default here is "deny all":
        // a mistyped address then got the browser's bare "access denied" instead of our "Page not found".
        // Vaadin's CSRF rules would exempt the sign-in post; SignInProtection sets the rules instead.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)
                .enableCsrfConfiguration(false)).build();
    }

    /** bcrypt today, with the algorithm named in each hash so that it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

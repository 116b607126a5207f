package org.homestretch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import java.util.List;

/**
 * Two-factor sign-in on Spring Security's multi-factor support. A password sign-in carries the
 * password factor; a right authenticator code adds {@link SecondFactorGate#AUTHORITY}. Every
 * rule that needs a signed-in user (Vaadin's routes, the handout PDFs) also needs that factor
 * from users who have two-factor on, or whose clinic requires it; a request without it is sent
 * to the code page, and comes back after. Pages open to anyone are not affected.
 * Navigation inside an open page is checked by {@link SecondStepNavigationGuard}.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorConfiguration {

    static final String CODE_PAGE = "/sign-in/code";

    private static final RequiredFactor CODE = RequiredFactor.withAuthority(SecondFactorGate.AUTHORITY).build();

    /** Picked up by every {@code authorizeHttpRequests} rule, as {@code @EnableMultiFactorAuthentication} does. */
    @Bean
    DefaultAuthorizationManagerFactory<RequestAuthorizationContext> authorizationManagerFactory(SecondFactorGate gate) {
        DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factory = new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization((authentication, request) -> gate.stepFor(authentication.get()) == SecondStep.NONE
                ? new AuthorizationDecision(true)
                : new FactorAuthorizationDecision(List.of(RequiredFactorError.createMissing(CODE))));
        return factory;
    }

    /** A signed-in request without the code factor goes to the code page instead of a 403. */
    static void configure(HttpSecurity http) throws Exception {
        // The page itself knows what is missing; the address stays plain (no factor.type parameters).
        LoginUrlAuthenticationEntryPoint codePage = new LoginUrlAuthenticationEntryPoint(CODE_PAGE) {
            @Override
            protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                                                             AuthenticationException exception) {
                return getLoginFormUrl();
            }
        };
        http.exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(codePage,
                SecondFactorGate.AUTHORITY));
    }
}

package org.homestretch.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The session's sign-in, from inside a Vaadin page: adding the second factor, and going on from there. */
final class SignInSession {

    private SignInSession() {
    }

    /**
     * Adds the code factor to this session's sign-in, after a right code. Kept in the HTTP
     * session, where Spring Security and Vaadin both read it.
     */
    static void grantSecondFactor() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        Authentication upgraded = current.toBuilder()
                .authorities(authorities -> authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactorGate.AUTHORITY)))
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(upgraded);
        SecurityContextHolder.setContext(context);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    /** To the page the user asked for before the code (saved by Spring Security), or the start page. */
    static void continueToSavedPage(RequestCache requests) {
        String target = "/";
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null && request.getHttpServletRequest() != null) {
            SavedRequest saved = requests.getRequest(request.getHttpServletRequest(), response.getHttpServletResponse());
            if (saved != null) {
                // Only the path and query: never another host, whatever the saved address says.
                URI uri = URI.create(saved.getRedirectUrl());
                // Without the request cache's own "continue" marker, which means nothing to the page.
                String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                        .filter(part -> !part.equals("continue") && !part.startsWith("continue="))
                        .collect(Collectors.joining("&"));
                target = uri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
                requests.removeRequest(request.getHttpServletRequest(), response.getHttpServletResponse());
            }
        }
        // A new page load, so that the whole security chain sees the new sign-in.
        UI.getCurrent().getPage().setLocation(target.startsWith("/") && !target.startsWith("//") ? target : "/");
    }
}

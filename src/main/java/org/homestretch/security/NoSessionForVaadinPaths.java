package org.homestretch.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Vaadin's own paths ({@code /VAADIN}, {@code /VAADIN/...}) never start a session. Vaadin
 * answers a path there that is not a file as if it were a page, which made a new session for
 * every such anonymous request. Without a session Vaadin refuses it ("session expired"); that
 * answer is sent as it is, without the error page, which could not write it and failed.
 * Requests of a page that already has a session keep it.
 */
final class NoSessionForVaadinPaths extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ((path.equals("/VAADIN") || path.startsWith("/VAADIN/")) && request.getSession(false) == null) {
            chain.doFilter(new WithoutNewSession(request), new PlainErrors(response));
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class WithoutNewSession extends HttpServletRequestWrapper {

        WithoutNewSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return super.getSession(false);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return super.getSession(false);
        }
    }

    private static final class PlainErrors extends HttpServletResponseWrapper {

        PlainErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            setStatus(status);
        }
    }
}

package org.homestretch.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A form or address whose values are not valid UTF-8 gets a plain 400, before anything reads it.
 * Tomcat refuses such values with an exception whose message quotes the value, and wherever it
 * is first read (a security filter, a controller) that exception was logged with the message: a
 * patient's comment or name in the log. Runs right after Spring's character encoding filter, so
 * that the values are read as UTF-8.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (readsAsParameters(request)) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException unreadable) { // Tomcat's InvalidParameterException
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>This did not work</title></head><body><main><h1>This did not work</h1>"
                        + "<p>Some of the letters sent could not be read. Nothing was saved.</p>"
                        + "<p>Go back and try again.</p></main></body></html>");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Every request but an upload: Tomcat parses a body for parameters only when it is a form, so
     * for others this reads just the address; a multipart upload is read as a stream by its handler.
     */
    private static boolean readsAsParameters(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }
}

package org.homestretch.base;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Refuses a request whose form fields or address parameters are not valid UTF-8 (no browser
 * sends that; a hand-made request can) with a plain 400 page, before anything else reads them.
 * Without this the servlet container failed deep inside the request, answered 500 and logged
 * the field's value (a patient's note) with a long stack trace. Nothing of the value is logged
 * here. Runs right after the character encoding is set, before the security filters, which read
 * the sign-in form.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableRequestFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRequestFilter.class);

    static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Could not read the form</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><p>Some characters in what was sent could not be read. Please go back, check what you typed,
            and send it again.</p></body></html>
            """;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            // Uploads are read as a stream by their handler; parsing them here would use it up.
            chain.doFilter(request, response);
            return;
        }
        try {
            // Parses the address and a posted form once; later reads get the same result.
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException unreadable) {
            log.info("Refused a request with unreadable parameters ({})", unreadable.getClass().getSimpleName());
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            http.setContentType("text/html;charset=UTF-8");
            http.setHeader("Cache-Control", "no-store");
            http.getWriter().write(PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}

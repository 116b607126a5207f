package org.homestretch.base;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors in the app's own Spring MVC pages (the patient's phone page, handouts): the same
 * reference scheme as the staff UI ({@link ErrorReference}). Spring's own answers to a bad
 * request (a value that is not a number or a date, a wrong method) keep their 4xx status but are
 * not logged: Spring's default resolver logs their message, which quotes the value sent.
 */
@ControllerAdvice(basePackages = "org.homestretch")
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception error, HttpServletResponse response) throws Exception {
        if (error instanceof AccessDeniedException || error instanceof AuthenticationException) {
            throw error; // Spring Security's own answer: the login page or 403.
        }
        ModelAndView page = new ModelAndView("error-reference");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (error instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            response.setStatus(refused.getStatusCode().value());
            page.addObject("badRequest", true);
            return page;
        }
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        page.addObject("reference", ErrorReference.log(log, "a web page", error));
        return page;
    }
}

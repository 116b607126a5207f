package org.homestretch.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that failed to open. Replaces Vaadin's own error page, which logs the exception with its
 * message and, outside production mode, shows the stack trace. Outside the app shell on purpose:
 * the shell may be what failed.
 */
@AnonymousAllowed
public class ServerErrorView extends Main implements HasErrorParameter<Exception>, HasDynamicTitle {

    static final String TITLE = "Something went wrong";

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    private final Paragraph reference = new Paragraph();

    public ServerErrorView() {
        addClassName("hs-page");
        add(new H2(TITLE),
                new Paragraph("This page could not be opened. Nothing you saved is lost. Please try again in a moment."),
                reference,
                new Anchor("", "Go to the home page"));
    }

    @Override
    public String getPageTitle() {
        return TITLE + " \u00b7 HomeStretch";
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = ErrorReference.log(log, "a page", parameter.getCaughtException());
        reference.setText("If it happens again, tell your admin: reference " + id + ".");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}

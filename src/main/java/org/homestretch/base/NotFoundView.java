package org.homestretch.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page for an address that leads nowhere, including another clinic's record: the same
 * words either way, so the page never tells whether something exists elsewhere. Inside the app
 * shell, so a signed-in user can go on from its menu; an anonymous visitor is sent to sign in
 * first (the shell is for signed-in users only).
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    static final String TITLE = "Page not found";

    public NotFoundView() {
        addClassName("hs-page");
        add(new H2(TITLE),
                new Paragraph("There is nothing at this address, or it is not part of your clinic. "
                        + "Check the link, or start again from the home page."),
                new Anchor("", "Go to the home page"));
    }

    @Override
    public String getPageTitle() {
        return TITLE + " \u00b7 HomeStretch";
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}

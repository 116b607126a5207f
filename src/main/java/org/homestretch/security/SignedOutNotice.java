package org.homestretch.security;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;

/** On the login page: why the last session in this browser was ended, shown once. */
final class SignedOutNotice extends Paragraph {

    SignedOutNotice() {
        addClassName("hs-signed-out");
        getElement().setAttribute("role", "status");
        setVisible(false);
    }

    /** Shows the reason left by {@link SessionGuard}, if any, and forgets it. */
    void refresh() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            return;
        }
        SessionEnd.noticeIn(request.getCookies()).ifPresentOrElse(message -> {
            setText(message);
            setVisible(true);
            VaadinResponse response = VaadinResponse.getCurrent();
            if (response != null && request instanceof VaadinServletRequest servletRequest) {
                response.addCookie(SessionEnd.forget(servletRequest.getHttpServletRequest()));
            }
        }, () -> setVisible(false));
    }
}

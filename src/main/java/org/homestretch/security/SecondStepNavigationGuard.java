package org.homestretch.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The second factor inside an open page. Vaadin navigates without new page requests, so the
 * HTTP rule in {@link TwoFactorConfiguration} does not see it: every navigation of a session
 * that still lacks its code goes to the code page (or to setting up an app, when the clinic
 * requires one) instead. Pages open to anyone stay open.
 */
@Component
class SecondStepNavigationGuard implements VaadinServiceInitListener {

    private final SecondFactorGate gate;

    SecondStepNavigationGuard(SecondFactorGate gate) {
        this.gate = gate;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget().isAnnotationPresent(AnonymousAllowed.class)) {
            return;
        }
        switch (gate.stepFor(SecurityContextHolder.getContext().getAuthentication())) {
            case CODE -> event.forwardTo(SignInCodeView.class);
            case ENROL -> event.forwardTo(TwoFactorSetupView.class);
            case NONE -> {
            }
        }
    }
}

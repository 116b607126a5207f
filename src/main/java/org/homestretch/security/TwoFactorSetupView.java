package org.homestretch.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;

/**
 * Where a user goes right after their password when their clinic requires two-factor sign-in and
 * they have not set it up: nothing else opens until they have.
 */
@Route(value = "sign-in/two-factor-setup", autoLayout = false)
@PageTitle("Set up two-factor sign-in · HomeStretch")
@AnonymousAllowed
public class TwoFactorSetupView extends Main implements BeforeEnterObserver {

    private final TwoFactorService twoFactor;
    private final CurrentUser currentUser;
    private final VaadinDefaultRequestCache requests;
    private final AuthenticationContext authentication;
    TwoFactorEnrolment enrolment;

    TwoFactorSetupView(TwoFactorService twoFactor, CurrentUser currentUser, VaadinDefaultRequestCache requests,
                       AuthenticationContext authentication) {
        this.twoFactor = twoFactor;
        this.currentUser = currentUser;
        this.requests = requests;
        this.authentication = authentication;
        addClassNames("hs-setup", "hs-code-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.find().isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        switch (twoFactor.signInStep()) {
            case NONE -> event.forwardTo("");
            case CODE -> event.forwardTo(SignInCodeView.class);
            case ENROL -> show();
        }
    }

    private void show() {
        removeAll();
        enrolment = new TwoFactorEnrolment(twoFactor, () -> {
            SignInSession.grantSecondFactor();
            SignInSession.continueToSavedPage(requests);
        });
        Button otherAccount = new Button("Sign in as someone else", click -> authentication.logout());
        otherAccount.addThemeVariants(ButtonVariant.TERTIARY);
        add(new H1("Set up two-factor sign-in"),
                new Paragraph("Your clinic asks everyone to confirm their sign-in with a code from an app on their "
                        + "phone, so that a password alone is not enough to open patients' records."),
                enrolment, otherAccount);
    }
}

package org.homestretch.security;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;

/**
 * The second sign-in step: after the password, a code from the authenticator app or a recovery
 * code. Open to anyone at the HTTP level, because a session without its code may reach nothing
 * else; the page itself sends people without a password sign-in to the login page.
 */
@Route(value = "sign-in/code", autoLayout = false)
@PageTitle("Sign-in code · HomeStretch")
@AnonymousAllowed
public class SignInCodeView extends Main implements BeforeEnterObserver {

    private final TwoFactorService twoFactor;
    private final CurrentUser currentUser;
    private final VaadinDefaultRequestCache requests;
    private final Div content = new Div();

    final TextField code = new TextField("Code");
    final Button verify = new Button("Sign in");
    final Button otherAccount = new Button("Sign in as someone else");

    SignInCodeView(TwoFactorService twoFactor, CurrentUser currentUser, VaadinDefaultRequestCache requests,
                   AuthenticationContext authentication) {
        this.twoFactor = twoFactor;
        this.currentUser = currentUser;
        this.requests = requests;
        addClassNames("hs-setup", "hs-code-page");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(20);
        code.setHelperText("No phone with you? Type one of your recovery codes instead.");
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.addClickListener(click -> verify());
        verify.addClickShortcut(Key.ENTER);
        otherAccount.addThemeVariants(ButtonVariant.TERTIARY);
        otherAccount.addClickListener(click -> authentication.logout());
        add(new H1("Sign-in code"), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.find().isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        switch (twoFactor.signInStep()) {
            case NONE -> event.forwardTo("");
            case ENROL -> event.forwardTo(TwoFactorSetupView.class);
            case CODE -> showForm();
        }
    }

    private void showForm() {
        content.removeAll();
        code.clear();
        code.setInvalid(false);
        content.add(new Paragraph("Open the authenticator app on your phone and type the 6-digit code it shows "
                + "for HomeStretch."), code, new Div(verify), otherAccount);
        code.focus();
    }

    private void verify() {
        code.setInvalid(false);
        TwoFactorService.SignInCode result;
        try {
            result = twoFactor.verifySignInCode(code.getValue());
        } catch (AccountException e) {
            code.setErrorMessage(e.getMessage());
            code.setInvalid(true);
            code.focus();
            return;
        }
        SignInSession.grantSecondFactor();
        if (!result.recoveryCode()) {
            SignInSession.continueToSavedPage(requests);
            return;
        }
        // A recovery code works once: say how many are left before going on.
        content.removeAll();
        Paragraph used = new Paragraph("You signed in with a recovery code. It cannot be used again.");
        used.addClassName("hs-lead");
        Button next = new Button("Continue", click -> SignInSession.continueToSavedPage(requests));
        next.addThemeVariants(ButtonVariant.PRIMARY);
        content.add(used, new Paragraph(result.recoveryCodesLeft() == 1 ? "You have 1 recovery code left."
                : "You have " + result.recoveryCodesLeft() + " recovery codes left.")
                , new Paragraph("Make new ones under your user menu, \"Two-factor sign-in\", when you are running low."),
                next);
    }
}

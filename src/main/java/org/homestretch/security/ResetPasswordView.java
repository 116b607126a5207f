package org.homestretch.security;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The public page a reset link opens: the person sets a new password, once. The token leaves
 * the address bar as soon as the page opens (and the page sends no referrer, see
 * {@link TokenPages}), so it is not left in the history or passed on.
 */
@Route(value = "reset-password", autoLayout = false)
@PageTitle("Set a new password · HomeStretch")
@AnonymousAllowed
public class ResetPasswordView extends Main implements BeforeEnterObserver, AfterNavigationObserver {

    private static final String TOKEN_ATTRIBUTE = ResetPasswordView.class.getName() + ".token";

    private final PasswordService passwords;
    private final Div content = new Div();
    private String token;

    final PasswordField password = new PasswordField("New password");
    final PasswordField repeatPassword = new PasswordField("Type it again");
    final Button save = new Button("Set password");
    final Div formError = new Div();

    ResetPasswordView(PasswordService passwords) {
        this.passwords = passwords;
        addClassName("hs-setup");
        password.setHelperText("At least " + AccountRules.PASSWORD_MIN_LENGTH
                + " characters. A few words that don't belong together are strong and easy to remember.");
        formError.addClassName("hs-form-error");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> submit());
        save.addClickShortcut(Key.ENTER);
        add(new H1("Set a new password"), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The token stays on the server; a reload of the cleaned address still finds it in the session.
        VaadinSession session = event.getUI().getSession();
        token = event.getLocation().getQueryParameters().getSingleParameter("token")
                .orElseGet(() -> (String) session.getAttribute(TOKEN_ATTRIBUTE));
        session.setAttribute(TOKEN_ATTRIBUTE, token);
        content.removeAll();
        ResetLinkState state = passwords.checkResetLink(token);
        if (state == ResetLinkState.VALID) {
            showForm();
        } else {
            showMessage(state.message());
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // After the router has written the address: the address bar and the history lose the token.
        event.getLocationChangeEvent().getUI().getPage().getHistory().replaceState(null, "reset-password");
    }

    private void showForm() {
        formError.setVisible(false);
        FormLayout form = new FormLayout(password, repeatPassword);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        content.add(new Paragraph("Choose the password you will sign in with from now on. "
                + "You will be signed out everywhere."), form, formError, save);
        password.focus();
    }

    private void submit() {
        password.setInvalid(false);
        repeatPassword.setInvalid(false);
        formError.setVisible(false);
        if (!password.getValue().equals(repeatPassword.getValue())) {
            repeatPassword.setErrorMessage("The two passwords are not the same.");
            repeatPassword.setInvalid(true);
            return;
        }
        try {
            passwords.resetPassword(token, password.getValue());
        } catch (AccountException e) {
            if ("password".equals(e.field())) {
                password.setErrorMessage(e.getMessage());
                password.setInvalid(true);
            } else {
                content.removeAll();
                showMessage(e.getMessage());
            }
            return;
        }
        token = null;
        VaadinSession.getCurrent().setAttribute(TOKEN_ATTRIBUTE, null);
        content.removeAll();
        Paragraph done = new Paragraph("Your new password is set.");
        done.addClassName("hs-lead");
        content.add(done, new Paragraph("Sign in with it now."), new Anchor("login", "Go to sign in"));
    }

    private void showMessage(String message) {
        Paragraph text = new Paragraph(message);
        text.addClassName("hs-lead");
        content.add(text, new Anchor("login", "Go to sign in"));
    }
}

package org.homestretch.security;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;

/**
 * Setting up an authenticator app, in three steps on one screen: scan the QR code (or type the
 * key), type the code the app shows, then keep the ten recovery codes. Used from the user menu
 * and on the page a clinic's requirement sends people to.
 */
class TwoFactorEnrolment extends Div {

    final TextField code = new TextField("Code from the app");
    final Button confirm = new Button("Turn on two-factor sign-in");
    final Span secret = new Span();
    RecoveryCodeList recoveryCodes;
    final Button done = new Button("I have kept them safe");

    private final TwoFactorService twoFactor;
    private final Runnable onDone;

    TwoFactorEnrolment(TwoFactorService twoFactor, Runnable onDone) {
        this.twoFactor = twoFactor;
        this.onDone = onDone;
        addClassName("hs-enrolment");
        TwoFactorService.Enrolment enrolment = twoFactor.startEnrolment();
        secret.setText(enrolment.groupedSecret());
        secret.addClassName("hs-secret");

        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(7);
        code.setAllowedCharPattern("[0-9 ]");
        code.getElement().setAttribute("inputmode", "numeric");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(click -> confirm());
        confirm.addClickShortcut(Key.ENTER);

        OrderedList steps = new OrderedList(
                new ListItem("Open an authenticator app on your phone, such as Google Authenticator, Microsoft "
                        + "Authenticator or 1Password. Install one first if you have none."),
                new ListItem(new Paragraph("In the app, add an account and scan this QR code:"),
                        QrCodeImage.of(enrolment.otpauthUri(), "QR code to add HomeStretch to your authenticator app"),
                        new Paragraph(new Span("Cannot scan it? Type this key into the app instead: "), secret)),
                new ListItem(new Paragraph("Type the 6-digit code the app now shows for HomeStretch:"), code));
        steps.addClassName("hs-enrolment-steps");
        add(steps, confirm);
    }

    private void confirm() {
        code.setInvalid(false);
        List<String> codes;
        try {
            codes = twoFactor.confirmEnrolment(code.getValue());
        } catch (AccountException e) {
            code.setErrorMessage(e.getMessage());
            code.setInvalid(true);
            code.focus();
            return;
        }
        removeAll();
        Paragraph on = new Paragraph("Two-factor sign-in is on. From now on you type a code from the app "
                + "after your password.");
        on.addClassName("hs-lead");
        recoveryCodes = new RecoveryCodeList(codes);
        add(on, recoveryCodes);
        done.addThemeVariants(ButtonVariant.PRIMARY);
        done.addClickListener(click -> onDone.run());
        add(done);
    }
}

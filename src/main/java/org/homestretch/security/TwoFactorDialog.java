package org.homestretch.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * "Two-factor sign-in" in the user menu: set it up, or, once it is on, make new recovery codes
 * or turn it off (with the password, and only where the clinic does not require it).
 */
class TwoFactorDialog extends Dialog {

    private final TwoFactorService twoFactor;
    private final Div content = new Div();
    final Button close = new Button("Close", click -> close());
    TwoFactorEnrolment enrolment;
    RecoveryCodeList recoveryCodes;
    final PasswordField password = new PasswordField("Your password");

    TwoFactorDialog(TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
        setHeaderTitle("Two-factor sign-in");
        setCloseOnOutsideClick(false);
        setWidth("min(36rem, 95vw)");
        addClassName("hs-two-factor-dialog");
        add(content);
        getFooter().add(close);
        TwoFactorStatus status = twoFactor.status();
        if (status.enabled()) {
            showStatus(status);
        } else {
            showEnrolment();
        }
    }

    private void showEnrolment() {
        content.removeAll();
        enrolment = new TwoFactorEnrolment(twoFactor, () -> {
            // This session has just proved the code: it need not be asked again.
            SignInSession.grantSecondFactor();
            close();
            Notification.show("Two-factor sign-in is on.", 4000, Notification.Position.BOTTOM_START);
        });
        content.add(new Paragraph("After your password, HomeStretch will also ask for a code from an app on your "
                + "phone. Someone who learns your password still cannot sign in as you."), enrolment);
    }

    private void showStatus(TwoFactorStatus status) {
        content.removeAll();
        Paragraph on = new Paragraph("Two-factor sign-in is on. You have " + status.recoveryCodesLeft()
                + (status.recoveryCodesLeft() == 1 ? " unused recovery code." : " unused recovery codes."));
        on.addClassName("hs-lead");
        Button newCodes = new Button("Make new recovery codes", click -> {
            content.removeAll();
            recoveryCodes = new RecoveryCodeList(twoFactor.replaceRecoveryCodes());
            content.add(recoveryCodes);
        });
        content.add(on, new Paragraph("New recovery codes replace the ones you have now."), newCodes);
        if (status.requiredByClinic()) {
            content.add(new Paragraph("Your clinic requires two-factor sign-in, so it stays on."));
            return;
        }
        Button turnOff = new Button("Turn off two-factor sign-in", click -> turnOff());
        turnOff.addThemeVariants(ButtonVariant.ERROR);
        content.add(new Paragraph("To turn it off, type your password."), password, new Div(turnOff));
    }

    private void turnOff() {
        password.setInvalid(false);
        try {
            twoFactor.turnOff(password.getValue());
        } catch (AccountException e) {
            password.setErrorMessage(e.getMessage());
            password.setInvalid(true);
            return;
        }
        close();
        Notification.show("Two-factor sign-in is off.", 4000, Notification.Position.BOTTOM_START);
    }
}

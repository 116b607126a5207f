package org.homestretch.clinic;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import org.homestretch.security.AccountException;
import org.homestretch.security.TwoFactorService;

/**
 * Clinic details, "Sign-in": whether everyone must use two-factor sign-in. Saved as soon as it
 * is ticked; people without it set it up before they open another page, or right after their next sign-in.
 */
class TwoFactorRequirementField extends Div {

    final Checkbox required = new Checkbox("Everyone signs in with a code from an app on their phone "
            + "(two-factor sign-in)");
    final Div error = new Div();

    TwoFactorRequirementField(TwoFactorService twoFactor) {
        addClassName("hs-two-factor-requirement");
        required.setValue(twoFactor.clinicRequiresTwoFactor());
        error.addClassName("hs-form-error");
        error.setVisible(false);
        required.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            error.setVisible(false);
            try {
                twoFactor.requireForClinic(change.getValue());
            } catch (AccountException e) {
                required.setValue(change.getOldValue());
                error.setText(e.getMessage());
                error.setVisible(true);
                return;
            }
            Notification.show(change.getValue()
                    ? "Two-factor sign-in is now required. People without it set it up before they open another page."
                    : "Two-factor sign-in is no longer required.", 5000, Notification.Position.BOTTOM_START);
        });
        add(new H3("Sign-in"), new Paragraph("A password alone can be guessed or stolen. With two-factor "
                + "sign-in, nobody gets in without the phone as well."), required, error);
    }
}

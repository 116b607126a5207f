package org.homestretch.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinSession;

/** The signed-in user's new password, after their current one; their other sessions then end. */
class ChangePasswordDialog extends Dialog {

    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeatPassword = new PasswordField("Type the new password again");
    final Button save = new Button("Change password");

    ChangePasswordDialog(PasswordService passwords) {
        setHeaderTitle("Change your password");
        setCloseOnOutsideClick(false);
        addClassName("hs-password-dialog");
        setWidth("min(30rem, 95vw)");
        newPassword.setHelperText("At least " + AccountRules.PASSWORD_MIN_LENGTH
                + " characters. A few words that don't belong together are strong and easy to remember.");
        FormLayout form = new FormLayout(currentPassword, newPassword, repeatPassword);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph("You stay signed in here. Everywhere else you are signed out."), form);

        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save(passwords));
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
        currentPassword.focus();
    }

    private void save(PasswordService passwords) {
        currentPassword.setInvalid(false);
        newPassword.setInvalid(false);
        repeatPassword.setInvalid(false);
        if (currentPassword.isEmpty()) {
            show(currentPassword, "Enter your current password.");
            return;
        }
        if (!newPassword.getValue().equals(repeatPassword.getValue())) {
            show(repeatPassword, "The two new passwords are not the same.");
            return;
        }
        try {
            VaadinSession session = VaadinSession.getCurrent();
            passwords.changeOwnPassword(currentPassword.getValue(), newPassword.getValue(),
                    session == null ? null : session.getSession().getId());
        } catch (AccountException e) {
            show("currentPassword".equals(e.field()) ? currentPassword : newPassword, e.getMessage());
            return;
        }
        close();
        Notification.show("Your password is changed. You are signed out everywhere else.", 5000,
                Notification.Position.BOTTOM_START);
    }

    private static void show(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
    }
}

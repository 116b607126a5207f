package org.homestretch.clinic;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.homestretch.security.AccountException;
import org.homestretch.security.AccountRoles;
import org.homestretch.security.Role;
import org.homestretch.security.UserAccount;

/** Settings → Users: makes a therapist an admin or an admin a therapist. Their open sessions end. */
class ChangeRoleDialog extends Dialog {

    final RadioButtonGroup<Role> role = new RadioButtonGroup<>("Role");
    final Button save = new Button("Change role");

    ChangeRoleDialog(UserAccount user, AccountRoles roles, Runnable onChanged) {
        setHeaderTitle("Role of " + user.displayName());
        role.setItems(Role.THERAPIST, Role.ADMIN);
        role.setItemLabelGenerator(r -> r == Role.ADMIN ? "Admin (can also manage users and settings)" : "Therapist");
        role.setValue(user.role());
        Paragraph note = new Paragraph(user.displayName() + " is signed out everywhere and signs in again "
                + "with the new role.");
        note.addClassName("hs-hint");
        add(role, note);

        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> {
            if (role.getValue() == user.role()) {
                close();
                return;
            }
            try {
                roles.changeRole(user.id(), role.getValue());
            } catch (AccountException e) {
                role.setErrorMessage(e.getMessage());
                role.setInvalid(true);
                return;
            }
            close();
            Notification.show(user.displayName() + " is now " + (role.getValue() == Role.ADMIN ? "an admin." : "a therapist."),
                    4000, Notification.Position.BOTTOM_START);
            onChanged.run();
        });
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    /** The grid's button that opens the dialog for one account. */
    static Button opener(UserAccount user, AccountRoles roles, Runnable onChanged) {
        Button button = new Button("Change role");
        button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        button.setAriaLabel("Change the role of " + user.displayName());
        button.addClickListener(click -> new ChangeRoleDialog(user, roles, onChanged).open());
        return button;
    }
}

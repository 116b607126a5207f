package org.homestretch.clinic;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.homestretch.base.FieldRules;
import org.homestretch.security.AccountException;
import org.homestretch.security.AccountRules;
import org.homestretch.security.AccountService;
import org.homestretch.security.NewAccount;
import org.homestretch.security.Role;

/** Adds a therapist or admin; the admin gives them their first password in person. */
class AddUserDialog extends Dialog {

    static final class Form {
        String name = "";
        String email = "";
        String password = "";
        Role role = Role.THERAPIST;
    }

    final TextField name = new TextField("Name");
    final EmailField email = new EmailField("Email (they sign in with it)");
    final PasswordField password = new PasswordField("First password");
    final RadioButtonGroup<Role> role = new RadioButtonGroup<>("Role");
    final Button save = new Button("Add user");
    final Div formError = new Div();

    AddUserDialog(AccountService accounts, Runnable onAdded) {
        setHeaderTitle("Add a user");
        // A stray click outside must not throw away what the admin typed.
        setCloseOnOutsideClick(false);
        name.setMaxLength(AccountRules.NAME_MAX_LENGTH);
        email.setMaxLength(AccountRules.EMAIL_MAX_LENGTH);
        // The fields' own checks run first: without these they marked the field with no words.
        name.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage("Use at most " + AccountRules.NAME_MAX_LENGTH + " characters."));
        email.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage("Enter an email address like name@clinic.org.")
                .setMaxLengthErrorMessage("Use at most " + AccountRules.EMAIL_MAX_LENGTH + " characters."));
        password.setHelperText("At least " + AccountRules.PASSWORD_MIN_LENGTH + " characters. Tell it to them in person.");
        role.setItems(Role.THERAPIST, Role.ADMIN);
        role.setItemLabelGenerator(r -> r == Role.ADMIN ? "Admin (can also manage users)" : "Therapist");

        Binder<Form> binder = new Binder<>();
        binder.forField(name).withValidator(FieldRules.of(v -> AccountRules.checkName(v, "name")))
                .bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(email).withValidator(FieldRules.<String>of(AccountRules::checkEmail))
                .bind(f -> f.email, (f, v) -> f.email = v);
        binder.forField(password).withValidator(FieldRules.<String>of(v -> AccountRules.checkPassword(v,
                        java.util.List.of(email.getValue(), name.getValue()))))
                .bind(f -> f.password, (f, v) -> f.password = v);
        binder.forField(role).asRequired("Choose a role.").bind(f -> f.role, (f, v) -> f.role = v);
        Form form = new Form();
        binder.readBean(form);

        formError.addClassName("hs-form-error");
        formError.setVisible(false);
        FormLayout layout = new FormLayout(name, email, password, role);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(layout, formError);

        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> {
            formError.setVisible(false);
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            try {
                accounts.addUser(new NewAccount(form.name, form.email, form.password, form.role));
            } catch (AccountException e) {
                if ("email".equals(e.field())) {
                    email.setErrorMessage(e.getMessage());
                    email.setInvalid(true);
                } else {
                    formError.setText(e.getMessage());
                    formError.setVisible(true);
                }
                return;
            }
            close();
            onAdded.run();
        });
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }
}

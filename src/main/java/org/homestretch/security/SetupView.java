package org.homestretch.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.homestretch.base.DateStyle;
import org.homestretch.base.FieldRules;

import java.time.Clock;
import java.time.ZoneId;

/** The one-time page, reached from the link in the console, that creates the clinic and first admin. */
@Route(value = "setup", autoLayout = false)
@PageTitle("Set up HomeStretch")
@AnonymousAllowed
public class SetupView extends Main implements BeforeEnterObserver {

    /** Fields of the form; plain mutable state is what Vaadin's Binder works with. */
    static final class Form {
        String clinicName = "";
        ZoneId timeZone;
        DateStyle dateStyle;
        String adminName = "";
        String email = "";
        String password = "";
        String confirmPassword = "";
    }

    private final FirstRunSetup setup;
    private final Div content = new Div();
    private String token;

    final TextField clinicName = new TextField("Clinic name");
    final ComboBox<ZoneId> timeZone = new ComboBox<>("Clinic time zone");
    final ComboBox<DateStyle> dateStyle = new ComboBox<>("How the clinic writes dates");
    final TextField adminName = new TextField("Your name");
    final EmailField email = new EmailField("Your email (you sign in with it)");
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirmPassword = new PasswordField("Type the password again");
    final Button create = new Button("Create clinic and admin account");
    final Div formError = new Div();

    SetupView(FirstRunSetup setup, Clock clock) {
        this.setup = setup;
        addClassName("hs-setup");
        H1 title = new H1("Set up HomeStretch");
        add(title, content);
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
        timeZone.setItemLabelGenerator(ZoneId::getId);
        timeZone.setValue(clock.getZone());
        dateStyle.setItems(DateStyle.choices());
        dateStyle.setItemLabelGenerator(DateStyle::label);
        dateStyle.setHelperText("Date fields accept dates in this order. You can change it later in the settings.");
        // Most people's browser is set to their own country; "en" alone or an unlisted country gets the default.
        VaadinSession session = VaadinSession.getCurrent();
        dateStyle.setValue(DateStyle.forBrowser(session == null ? null : session.getBrowser().getLocale()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        content.removeAll();
        if (!setup.isOpen()) {
            showMessage("Setup is already done.", "Sign in with your account.");
        } else if (!setup.tokenMatches(token)) {
            showMessage("This setup link is not valid.",
                    "Open the link printed in the server console when HomeStretch started. "
                            + "A link from an earlier start no longer works.");
        } else {
            showForm();
        }
    }

    private void showMessage(String heading, String detail) {
        Paragraph headingText = new Paragraph(heading);
        headingText.addClassName("hs-lead");
        content.add(headingText, new Paragraph(detail), new Anchor("login", "Go to sign in"));
    }

    private void showForm() {
        content.add(new Paragraph("Create your clinic and the first admin account. "
                + "You can add therapists afterwards under Settings."));

        clinicName.setMaxLength(AccountRules.CLINIC_NAME_MAX_LENGTH);
        adminName.setMaxLength(AccountRules.NAME_MAX_LENGTH);
        email.setMaxLength(AccountRules.EMAIL_MAX_LENGTH);
        password.setHelperText("At least " + AccountRules.PASSWORD_MIN_LENGTH + " characters");

        Binder<Form> binder = new Binder<>();
        binder.forField(clinicName).withValidator(FieldRules.of(v -> AccountRules.checkName(v, "clinic name")))
                .bind(f -> f.clinicName, (f, v) -> f.clinicName = v);
        binder.forField(timeZone).asRequired("Choose the clinic's time zone.")
                .bind(f -> f.timeZone, (f, v) -> f.timeZone = v);
        binder.forField(dateStyle).asRequired("Choose how the clinic writes dates.")
                .bind(f -> f.dateStyle, (f, v) -> f.dateStyle = v);
        binder.forField(adminName).withValidator(FieldRules.of(v -> AccountRules.checkName(v, "your name")))
                .bind(f -> f.adminName, (f, v) -> f.adminName = v);
        binder.forField(email).withValidator(FieldRules.<String>of(AccountRules::checkEmail))
                .bind(f -> f.email, (f, v) -> f.email = v);
        binder.forField(password).withValidator(FieldRules.<String>of(v -> AccountRules.checkPassword(v,
                        java.util.List.of(email.getValue(), adminName.getValue()))))
                .bind(f -> f.password, (f, v) -> f.password = v);
        binder.forField(confirmPassword)
                .withValidator(v -> v.equals(password.getValue()), "The two passwords are not the same.")
                .bind(f -> f.confirmPassword, (f, v) -> f.confirmPassword = v);
        Form form = new Form();
        form.timeZone = timeZone.getValue();
        form.dateStyle = dateStyle.getValue();
        binder.readBean(form);

        formError.addClassName("hs-form-error");
        formError.setVisible(false);
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> submit(binder, form));
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER);

        FormLayout layout = new FormLayout(clinicName, timeZone, dateStyle, adminName, email, password, confirmPassword);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        content.add(layout, formError, create);
    }

    private void submit(Binder<Form> binder, Form form) {
        formError.setVisible(false);
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            setup.complete(token, form.clinicName, form.timeZone, form.dateStyle.locale(),
                    new NewAccount(form.adminName, form.email, form.password, Role.ADMIN));
        } catch (AccountException e) {
            showError(e);
            return;
        }
        content.removeAll();
        showMessage("Your clinic is ready.", "Sign in with " + AccountRules.normaliseEmail(form.email)
                + " and the password you chose.");
    }

    private void showError(AccountException e) {
        if ("email".equals(e.field())) {
            email.setErrorMessage(e.getMessage());
            email.setInvalid(true);
        } else if ("password".equals(e.field())) {
            password.setErrorMessage(e.getMessage());
            password.setInvalid(true);
        } else {
            formError.setText(e.getMessage());
            formError.setVisible(true);
        }
    }
}

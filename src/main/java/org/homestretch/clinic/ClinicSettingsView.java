package org.homestretch.clinic;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.homestretch.base.DateStyle;
import org.homestretch.base.PhoneNumbers;
import org.homestretch.base.PublicAddress;
import org.homestretch.security.AccountException;
import org.homestretch.security.AccountRules;
import org.homestretch.security.Role;
import org.homestretch.security.TwoFactorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSender;

import java.time.ZoneId;

/** The clinic's name, the phone number printed on handouts, its time zone and how it writes dates. */
@Route("settings/clinic")
@PageTitle("Settings · Clinic")
@Menu(order = 89, title = "Clinic details", icon = "vaadin:building")
@RolesAllowed(Role.ADMIN_NAME)
public class ClinicSettingsView extends Main {

    final Div addressWarning = new Div();
    final TextField name = new TextField("Clinic name");
    final TextField phone = new TextField("Phone number for patients");
    final ComboBox<ZoneId> timeZone = new ComboBox<>("Time zone");
    final ComboBox<DateStyle> dateStyle = new ComboBox<>("How the clinic writes dates");
    final IntegerField idleLogoff = IdleLogoffField.create();
    final TextField outOfHours;
    final Button save = new Button("Save");

    final LogoField logo;
    final TwoFactorRequirementField twoFactorRequired;
    final AlertEmailField alerts;

    ClinicSettingsView(ClinicService clinics, ClinicLogos logos, PublicAddress publicAddress, TwoFactorService twoFactor,
                       ObjectProvider<MailSender> mail) {
        addClassNames("hs-page", "hs-exercise-editor");
        Clinic clinic = clinics.current();
        addressWarning.addClassName("hs-warning");
        publicAddress.warningForAdmins().ifPresentOrElse(addressWarning::setText, () -> addressWarning.setVisible(false));
        name.setMaxLength(AccountRules.CLINIC_NAME_MAX_LENGTH);
        name.setValue(clinic.name());
        phone.setMaxLength(PhoneNumbers.MAX_LENGTH);
        phone.setValue(clinic.phone());
        phone.setHelperText("Printed on every handout in the \"Stop and call us\" box.");
        outOfHours = OutOfHoursField.create(clinic);
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
        timeZone.setItemLabelGenerator(ZoneId::getId);
        timeZone.setValue(clinic.timeZone());
        dateStyle.setItems(DateStyle.choices());
        dateStyle.setItemLabelGenerator(DateStyle::label);
        dateStyle.setValue(clinic.dateStyle());
        dateStyle.setHelperText("Date fields accept dates in this order, and dates are shown this way.");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save(clinics));
        idleLogoff.setValue(clinics.idleLogoffMinutes());
        FormLayout form = new FormLayout(name, phone, outOfHours, timeZone, dateStyle, idleLogoff);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        logo = new LogoField(logos);
        add(addressWarning, new Paragraph("These details appear on patients' handouts."), form, save, logo);
        twoFactorRequired = new TwoFactorRequirementField(twoFactor);
        add(twoFactorRequired);
        add(alerts = new AlertEmailField(clinics, mail));
    }

    private void save(ClinicService clinics) {
        name.setInvalid(false);
        phone.setInvalid(false);
        timeZone.setInvalid(false);
        dateStyle.setInvalid(false);
        idleLogoff.setInvalid(false);
        outOfHours.setInvalid(false);
        try {
            clinics.setIdleLogoffMinutes(idleLogoff.getValue());
            clinics.setOutOfHoursPhone(outOfHours.getValue());
            clinics.update(name.getValue(), phone.getValue(), timeZone.getValue(),
                    dateStyle.getValue() == null ? null : dateStyle.getValue().locale());
            Notification.show("Clinic details saved.", 3000, Notification.Position.BOTTOM_START);
        } catch (AccountException e) {
            switch (e.field() == null ? "" : e.field()) {
                case "phone" -> showError(phone, e);
                case "outOfHoursPhone" -> showError(outOfHours, e);
                case "timeZone" -> showError(timeZone, e);
                case "locale" -> showError(dateStyle, e);
                case "idleLogoff" -> showError(idleLogoff, e);
                default -> showError(name, e);
            }
        }
    }

    private static void showError(HasValidation field, AccountException e) {
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
    }
}

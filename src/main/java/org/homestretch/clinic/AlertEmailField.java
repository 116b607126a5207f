package org.homestretch.clinic;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import org.homestretch.security.AccountException;
import org.homestretch.security.AccountRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSender;

/**
 * Clinic details, "E-mail alerts": whether this server can send them at all (Spring Boot makes a
 * mail sender only when {@code spring.mail.host} is set) and an optional clinic-wide address that
 * gets every warning-sign alert besides the treating therapist. Saved with its own button.
 */
class AlertEmailField extends Div {

    static final String ON = "E-mail alerts are on.";
    static final String OFF = "E-mail alerts are off: this server has no mail settings.";

    final Paragraph status = new Paragraph();
    final EmailField address = new EmailField("Clinic-wide address for warning-sign alerts (optional)");
    final Button save = new Button("Save address");

    AlertEmailField(ClinicService clinics, ObjectProvider<MailSender> mail) {
        addClassName("hs-alert-email");
        status.setText(mail.getIfAvailable() == null ? OFF : ON);
        address.setMaxLength(AccountRules.EMAIL_MAX_LENGTH);
        address.setWidthFull();
        address.setValue(clinics.alertEmail());
        address.setHelperText("When a patient reports a warning sign, their therapist gets an e-mail, "
                + "and this address too. The e-mail names no patient.");
        save.addClickListener(click -> {
            address.setInvalid(false);
            try {
                clinics.setAlertEmail(address.getValue());
                Notification.show(address.getValue().isBlank() ? "Clinic-wide alert address removed."
                        : "Clinic-wide alert address saved.", 3000, Notification.Position.BOTTOM_START);
            } catch (AccountException e) {
                address.setErrorMessage(e.getMessage());
                address.setInvalid(true);
            }
        });
        HorizontalLayout row = new HorizontalLayout(address, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        add(new H3("E-mail alerts"), status, row);
    }
}

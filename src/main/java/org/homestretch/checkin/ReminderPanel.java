package org.homestretch.checkin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import org.homestretch.base.FactRow;
import org.homestretch.patient.PatientId;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * On the check-ins page, below the phone access: e-mail the link and code to the patient (when the
 * server has mail settings), and the patient's calendar reminder link, which the therapist can
 * turn off. The link's address is never shown here: only the patient's phone shows it.
 */
class ReminderPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final Reminders reminders;
    private final PatientLinkMail mail;
    private final Runnable changed;
    private PatientId patient;
    private ZoneId zone;

    ReminderPanel(Reminders reminders, PatientLinkMail mail, Runnable changed) {
        this.reminders = reminders;
        this.mail = mail;
        this.changed = changed;
        setId("reminder-panel");
    }

    void show(PatientId patient, ZoneId zone, boolean hasAccess) {
        this.patient = patient;
        this.zone = zone;
        removeAll();
        add(emailPart(hasAccess));
        add(calendarPart());
    }

    private Div emailPart(boolean hasAccess) {
        Div part = new Div(new H3("Send the link by e-mail"));
        if (!mail.mailIsOn()) {
            part.add(hint("E-mail is off: this server has no mail settings. Give the patient the printed handout."));
            return part;
        }
        Optional<String> address = mail.addressOf(patient);
        if (address.isEmpty()) {
            part.add(hint("The patient record has no e-mail address. Add one on the patient's details to send the link."));
            return part;
        }
        part.add(hint("Sends the link and the code to " + address.get() + ". The e-mail says nothing about "
                + "the patient's health." + (hasAccess ? "" : " A link and code are made first.")));
        Button send = new Button("E-mail link and code", VaadinIcon.ENVELOPE_O.create(), click -> {
            ConfirmDialog dialog = new ConfirmDialog("E-mail the link and code?",
                    "To " + address.get() + ". Anyone who reads this e-mail can open the patient's check-off page.",
                    "Send", confirm -> send());
            dialog.setCancelable(true);
            dialog.open();
        });
        send.setId("email-link");
        part.add(send);
        return part;
    }

    private void send() {
        String text = switch (mail.send(patient)) {
            case SENT -> "E-mail sent.";
            case NO_MAIL_SETTINGS -> "E-mail is off on this server.";
            case NO_EMAIL -> "The patient record has no e-mail address.";
            case NO_PROGRAM -> "Save a home program first.";
            case NOT_SENT -> "The e-mail could not be sent. Please try again later.";
        };
        Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        changed.run();
    }

    private Div calendarPart() {
        Div part = new Div(new H3("Calendar reminders"));
        Optional<Reminders.FeedInfo> feed = reminders.find(patient);
        if (feed.isEmpty()) {
            part.add(hint("No calendar link. The patient can make one on their phone page under \"Remind me\"."));
            return part;
        }
        Div facts = new Div(
                new FactRow("Link made", WHEN.format(feed.get().createdAt().atZone(zone))),
                new FactRow("Last synced", feed.get().lastUsedAt() == null ? "Not yet"
                        : WHEN.format(feed.get().lastUsedAt().atZone(zone))));
        facts.addClassName("hs-facts");
        Button revoke = new Button("Turn off calendar link", click -> {
            ConfirmDialog dialog = new ConfirmDialog("Turn off the calendar link?",
                    "The patient's calendar stops getting updates; reminders already there may stay until "
                            + "the calendar next checks. The phone link and code keep working.",
                    "Turn off", confirm -> {
                        reminders.revoke(patient);
                        Notification.show("Calendar link turned off.", 4000, Notification.Position.BOTTOM_START);
                        changed.run();
                    });
            dialog.setCancelable(true);
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });
        revoke.setId("revoke-calendar");
        revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        FlexLayout actions = new FlexLayout(revoke);
        actions.addClassName("hs-actions");
        part.add(facts, actions);
        return part;
    }

    private static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("hs-hint");
        return p;
    }
}

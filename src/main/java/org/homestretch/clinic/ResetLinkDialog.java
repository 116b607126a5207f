package org.homestretch.clinic;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.homestretch.security.AccountException;
import org.homestretch.security.PasswordService;
import org.homestretch.security.ResetLink;
import org.homestretch.security.TwoFactorService;
import org.homestretch.security.UserAccount;
import org.homestretch.security.UserId;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An admin makes a one-time link for a user who forgot their password, and passes it on. The
 * link works once, for 24 hours; making a new one cancels the old one. For a user who also lost
 * their phone and recovery codes, the admin can turn their two-factor sign-in off here.
 */
class ResetLinkDialog extends Dialog {

    final Button create = new Button("Make a reset link");
    final TextField link = new TextField("Reset link");
    final Paragraph delivery = new Paragraph();
    final Div formError = new Div();

    ResetLinkDialog(PasswordService passwords, TwoFactorService twoFactor, ClinicService clinics, UserAccount user) {
        setHeaderTitle("Reset " + user.displayName() + "'s password");
        addClassName("hs-reset-dialog");
        setWidth("min(38rem, 95vw)");
        Paragraph intro = new Paragraph("You get a link to pass on to " + user.displayName()
                + ". With it they choose a new password, and they are signed out everywhere. "
                + "The link works once, for 24 hours. Their current password keeps working until they use it.");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setVisible(false);
        Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
        copy.setVisible(false);
        copy.addClickListener(click -> {
            link.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link.getValue());
            Notification.show("Link copied.", 2000, Notification.Position.BOTTOM_START);
        });
        HorizontalLayout linkRow = new HorizontalLayout(link, copy);
        linkRow.setWidthFull();
        linkRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        formError.addClassName("hs-form-error");
        formError.setVisible(false);
        delivery.setVisible(false);
        add(intro, formError, linkRow, delivery);

        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> {
            formError.setVisible(false);
            ResetLink made;
            try {
                made = passwords.issueResetLink(user.id());
            } catch (AccountException e) {
                formError.setText(e.getMessage());
                formError.setVisible(true);
                return;
            }
            link.setValue(made.url());
            link.setVisible(true);
            copy.setVisible(true);
            String expires = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
                    .format(made.expiresAt().atZone(clinics.current().timeZone()));
            delivery.setText((made.emailed()
                    ? "We also emailed it to " + user.email() + ". "
                    : "Email is not set up on this server: give the link to them yourself, in person "
                    + "or in a message only they can read. ")
                    + "It works until " + expires + ".");
            delivery.setVisible(true);
            create.setText("Make a new link");
            link.focus();
        });
        if (twoFactor.isOnFor(user.id())) {
            add(lostPhone(twoFactor, user));
        }
        Button close = new Button("Close", click -> close());
        getFooter().add(close, create);
    }

    /** For someone who lost their phone and their recovery codes as well. */
    private Div lostPhone(TwoFactorService twoFactor, UserAccount user) {
        Div section = new Div();
        section.addClassName("hs-lost-phone");
        Button turnOff = new Button("Turn off their two-factor sign-in");
        turnOff.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
        turnOff.addClickListener(click -> {
            try {
                twoFactor.turnOffFor(user.id());
            } catch (AccountException e) {
                formError.setText(e.getMessage());
                formError.setVisible(true);
                return;
            }
            section.removeAll();
            section.add(new Paragraph("Their two-factor sign-in is off. They sign in with their password alone, "
                    + "until they set it up again."));
        });
        section.add(new Paragraph(user.displayName() + " uses two-factor sign-in. If they lost their phone and "
                + "their recovery codes too, turn it off so that they can sign in. Check first that it is "
                + "really them asking."), turnOff);
        return section;
    }

    /** The button in the users list, for every enabled user but the admin looking at it. */
    static Component button(PasswordService passwords, TwoFactorService twoFactor, ClinicService clinics,
                            UserAccount user, UserId me) {
        if (user.id().equals(me) || !user.enabled()) {
            return new Span();
        }
        Button button = new Button("Reset password");
        button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        button.setAriaLabel("Reset the password of " + user.displayName());
        button.addClickListener(click -> new ResetLinkDialog(passwords, twoFactor, clinics, user).open());
        return button;
    }
}

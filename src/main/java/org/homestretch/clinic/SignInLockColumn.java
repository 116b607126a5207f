package org.homestretch.clinic;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.homestretch.security.SignInLocks;
import org.homestretch.security.UserAccount;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The Users grid's sign-in column: an account locked after repeated failed sign-ins shows
 * "Locked until 10:45" (the clinic's time) and an Unlock button; other accounts show nothing.
 */
@org.springframework.stereotype.Component
class SignInLockColumn {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final SignInLocks locks;
    private final ClinicService clinics;

    SignInLockColumn(SignInLocks locks, ClinicService clinics) {
        this.locks = locks;
        this.clinics = clinics;
    }

    void addTo(Grid<UserAccount> grid, Runnable refresh) {
        ZoneId zone = clinics.current().timeZone();
        grid.addComponentColumn(user -> cell(user, zone, refresh))
                // Room for the badge and the button even while no account is locked.
                .setKey("signIn").setHeader("Sign-in").setWidth("16rem").setFlexGrow(0);
    }

    private Component cell(UserAccount user, ZoneId zone, Runnable refresh) {
        Optional<Instant> until = locks.lockedUntil(user.id());
        if (until.isEmpty()) {
            return new Span();
        }
        Span badge = new Span("Locked until " + TIME.format(until.get().atZone(zone)));
        badge.getElement().getThemeList().add("badge error");
        Button unlock = new Button("Unlock");
        unlock.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        unlock.setAriaLabel("Unlock " + user.displayName());
        unlock.addClickListener(click -> {
            locks.unlock(user.id());
            Notification.show(user.displayName() + " can sign in again.", 4000, Notification.Position.BOTTOM_START);
            refresh.run();
        });
        HorizontalLayout cell = new HorizontalLayout(badge, unlock);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        cell.setPadding(false);
        return cell;
    }
}

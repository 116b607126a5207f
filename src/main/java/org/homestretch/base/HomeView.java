package org.homestretch.base;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Locale;

/** The start page after sign-in. */
@Route("")
@PageTitle("Home")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class HomeView extends Main {

    /** Shown when handouts' QR codes cannot work; empty otherwise. */
    final Div addressWarning = new Div();

    HomeView(ShellIdentity identity, PublicAddress publicAddress, Clock clock) {
        addClassName("hs-page");
        ShellIdentity.Header header = identity.current().orElse(ShellIdentity.Header.NONE);
        String firstName = header.userName().strip().split("\\s+")[0];
        // The clinic's morning: the server may sit in another time zone than the people using it.
        add(new H2(greeting(LocalTime.now(clock.withZone(header.clinicTimeZone()))) + ", " + firstName));
        Paragraph clinic = new Paragraph("You are signed in to " + header.clinicName() + " as "
                + header.roleLabel().toLowerCase(Locale.ROOT) + ".");
        clinic.addClassName("hs-lead");
        add(clinic);
        addressWarning.addClassName("hs-warning");
        (header.admin() ? publicAddress.warningForAdmins() : publicAddress.warningForTherapists())
                .ifPresentOrElse(addressWarning::setText, () -> addressWarning.setVisible(false));
        add(addressWarning);
    }

    static String greeting(LocalTime time) {
        if (time.isBefore(LocalTime.NOON)) {
            return "Good morning";
        }
        return time.isBefore(LocalTime.of(18, 0)) ? "Good afternoon" : "Good evening";
    }
}

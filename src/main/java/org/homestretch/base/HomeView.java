package org.homestretch.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.time.Clock;
import java.time.LocalTime;

/** The start page after sign-in. */
@Route("")
@PageTitle("Home")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class HomeView extends Main {

    HomeView(ShellIdentity identity, Clock clock) {
        addClassName("hs-page");
        ShellIdentity.Header header = identity.current().orElse(new ShellIdentity.Header("", "", ""));
        String firstName = header.userName().strip().split("\\s+")[0];
        add(new H2(greeting(LocalTime.now(clock)) + ", " + firstName));
        Paragraph clinic = new Paragraph("You are signed in to " + header.clinicName() + " as "
                + header.roleLabel().toLowerCase(java.util.Locale.ROOT) + ".");
        clinic.addClassName("hs-lead");
        add(clinic);
    }

    static String greeting(LocalTime time) {
        if (time.isBefore(LocalTime.NOON)) {
            return "Good morning";
        }
        return time.isBefore(LocalTime.of(18, 0)) ? "Good afternoon" : "Good evening";
    }
}

package org.homestretch.clinic;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import org.homestretch.security.AccountService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.UserAccount;
import org.homestretch.support.HostileCorpus;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus (a sample per field) through Clinic details (name, phone) and Add
 * user (name, email): stored exactly as typed or refused next to the field, and nothing fails.
 */
class ClinicHostileInputTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    ClinicService clinics;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void signInAsAdmin() {
        signInAs(new TestAccounts(provisioning).adminEmail);
    }

    @Test
    void clinic_details_and_new_users_store_exactly_or_refuse_next_to_the_field() {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("clinic settings and users");
        UI.getCurrent().navigate("settings/clinic");
        ClinicSettingsView settings = _get(ClinicSettingsView.class);
        for (String entry : HostileCorpus.sample(8, 0)) {
            type(settings.phone, "");
            clinicField(tally, settings, settings.name, "clinic name", entry, () -> clinics.current().name());
        }
        type(settings.name, "Hostile Clinic");
        for (String entry : HostileCorpus.sample(8, 1)) {
            clinicField(tally, settings, settings.phone, "clinic phone", entry, () -> clinics.current().phone());
        }
        int n = 0;
        for (String entry : HostileCorpus.sample(10, 2)) {
            addUser(tally, "user name", entry, "user" + n++ + "@hostile.example");
        }
        for (String entry : HostileCorpus.sample(10, 3)) {
            addUser(tally, "user email", "Robin Reyes", entry);
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
    }

    private void clinicField(HostileCorpus.Tally tally, ClinicSettingsView view,
                             com.vaadin.flow.component.textfield.TextField field, String label, String entry,
                             java.util.function.Supplier<String> storedValue) {
        String before = storedValue.get();
        try {
            type(field, entry);
            _click(view.save);
        } catch (RuntimeException e) {
            tally.failed(label, entry, e.getClass().getSimpleName());
            return;
        }
        outcome(tally, label, entry, field, storedValue.get(), before);
    }

    private void addUser(HostileCorpus.Tally tally, String label, String name, String email) {
        String entry = label.equals("user name") ? name : email;
        int before = accounts.countUsers();
        UI.getCurrent().navigate("settings/users");
        _click(_get(UsersView.class).add);
        AddUserDialog dialog = _get(AddUserDialog.class);
        try {
            type(dialog.name, name);
            type(dialog.email, email);
            type(dialog.password, "twelve chars ok");
            _click(dialog.save);
        } catch (RuntimeException e) {
            tally.failed(label, entry, e.getClass().getSimpleName());
            return;
        }
        List<UserAccount> users = accounts.users(0, 1000);
        HasValidation field = label.equals("user name") ? dialog.name : dialog.email;
        if (users.size() == before + 1) {
            boolean exact = label.equals("user name")
                    ? users.stream().anyMatch(u -> u.displayName().equals(name.strip()))
                    // Emails are stored lower-case so that one person cannot hold two accounts.
                    : users.stream().anyMatch(u -> u.email().equals(email.strip().toLowerCase(java.util.Locale.ROOT)));
            if (exact) {
                tally.stored(label);
            } else {
                tally.failed(label, entry, "not stored as typed");
            }
        } else if (dialog.isOpened() && field.isInvalid() && field.getErrorMessage() != null
                && !field.getErrorMessage().isBlank()) {
            tally.refused(label);
            dialog.close();
        } else {
            tally.failed(label, entry, "neither saved nor refused next to the field");
            dialog.close();
        }
    }

    private static void outcome(HostileCorpus.Tally tally, String label, String entry,
                                com.vaadin.flow.component.textfield.TextField field, String stored, String before) {
        if (field.isInvalid()) {
            if (stored.equals(before) && field.getErrorMessage() != null && !field.getErrorMessage().isBlank()
                    && field.getValue().equals(entry)) {
                tally.refused(label);
            } else {
                tally.failed(label, entry, "refused without a message or with the value changed");
            }
        } else if (stored.equals(entry.strip())) {
            tally.stored(label);
        } else {
            tally.failed(label, entry, "stored as " + HostileCorpus.describe(stored));
        }
    }
}

package org.homestretch.support;

import org.homestretch.security.ClinicId;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.NewAccount;
import org.homestretch.security.Role;

import java.time.ZoneId;
import java.util.UUID;

/** Creates a fresh clinic with an admin and a therapist, with emails no other test uses. */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery";

    public final ClinicId clinicId;
    public final String clinicName;
    public final String adminEmail;
    public final String therapistEmail;

    public TestAccounts(ClinicProvisioning provisioning) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        clinicName = "Test Clinic " + suffix;
        adminEmail = "admin-" + suffix + "@example.org";
        therapistEmail = "therapist-" + suffix + "@example.org";
        clinicId = provisioning.createClinic(clinicName, ZoneId.of("Europe/Berlin"),
                new NewAccount("Ada Admin", adminEmail, PASSWORD, Role.ADMIN));
        provisioning.addAccount(clinicId, new NewAccount("Theo Therapist", therapistEmail, PASSWORD, Role.THERAPIST));
    }
}

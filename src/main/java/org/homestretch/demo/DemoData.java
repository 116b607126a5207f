package org.homestretch.demo;

import org.homestretch.clinic.ClinicService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.homestretch.database.DatabaseStartupException;
import org.homestretch.base.DateStyle;
import org.homestretch.clinic.Clinic;
import org.homestretch.security.ClinicId;
import org.homestretch.security.AsAccount;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.NewAccount;
import org.homestretch.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/**
 * Seeds a demo clinic with an admin and a therapist whose passwords README.md publishes.
 * Because those passwords are public, it refuses to run against an external database unless
 * told to explicitly.
 */
@Component
@Profile("demo")
@Order(10) // after the built-in catalog is loaded
class DemoData implements ApplicationRunner {

    static final String CLINIC_NAME = "Riverside Physio (demo)";
    static final String ADMIN_EMAIL = "admin@demo.homestretch.org";
    static final String THERAPIST_EMAIL = "therapist@demo.homestretch.org";
    static final String PASSWORD = "stretch-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ClinicProvisioning provisioning;
    private final AsAccount signedIn;
    private final DemoExercises exercises;
    private final DemoPatients patients;
    private final DemoCheckins checkins;
    private final DemoOutcomes outcomes;
    private final ClinicService clinics;

    DemoData(ClinicProvisioning provisioning, AsAccount signedIn, DemoExercises exercises, DemoPatients patients,
             DemoCheckins checkins, DemoOutcomes outcomes, ClinicService clinics, ObjectProvider<EmbeddedPostgres> embedded,
             @Value("${homestretch.demo.allow-external-database:false}") boolean allowExternal) {
        if (embedded.getIfAvailable() == null && !allowExternal) {
            throw new DatabaseStartupException(
                    "The demo profile is active, but the app is using an external database. The demo adds "
                            + "accounts whose passwords are published in README.md.",
                    "Unset SPRING_DATASOURCE_URL to run the demo on the embedded database, or, if this external "
                            + "database is a throw-away one, set HOMESTRETCH_DEMO_ALLOW_EXTERNAL_DATABASE=true.");
        }
        this.provisioning = provisioning;
        this.signedIn = signedIn;
        this.exercises = exercises;
        this.patients = patients;
        this.checkins = checkins;
        this.outcomes = outcomes;
        this.clinics = clinics;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Found by its admin account, never by name: the admin may have renamed the clinic in Settings.
        ClinicId clinicId = provisioning.clinicOfAccount(ADMIN_EMAIL).orElseGet(this::createClinic);
        if (provisioning.clinicOfAccount(THERAPIST_EMAIL).isEmpty()) {
            provisioning.addAccount(clinicId, new NewAccount("Sam Patel", THERAPIST_EMAIL, PASSWORD, Role.THERAPIST));
        }
        signedIn.run(ADMIN_EMAIL, () -> {
            Clinic clinic = clinics.current();
            if (clinic.phone().isEmpty()) {
                // Whatever the admin has made of the name, time zone and date format stays.
                clinics.update(clinic.name(), "+44 20 7946 0000", clinic.timeZone(), clinic.locale());
            }
        });
        // Later demo data goes through the same services a therapist uses, signed in as one.
        signedIn.run(THERAPIST_EMAIL, () -> {
            exercises.seed();
            patients.seed();
            checkins.seed();
            outcomes.seed();
        });
    }

    private ClinicId createClinic() {
        ClinicId clinicId = provisioning.createClinic(CLINIC_NAME, ZoneId.of("Europe/London"),
                DateStyle.DEFAULT.locale(), new NewAccount("Alex Morgan", ADMIN_EMAIL, PASSWORD, Role.ADMIN));
        log.info("Demo clinic created; sign in with the demo accounts listed in README.md");
        return clinicId;
    }
}

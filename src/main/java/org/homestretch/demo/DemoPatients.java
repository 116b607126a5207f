package org.homestretch.demo;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientQuery;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramService;
import org.homestretch.program.Template;
import org.homestretch.security.AccountService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo patients (invented people) with programs: some straight from a built-in template, some
 * edited over several versions, one with no program yet.
 */
@Component
@Profile("demo")
class DemoPatients {

    private final PatientService patients;
    private final ProgramService programs;
    private final CatalogService catalog;
    private final AccountService accounts;

    DemoPatients(PatientService patients, ProgramService programs, CatalogService catalog, AccountService accounts) {
        this.patients = patients;
        this.programs = programs;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    void seed() {
        if (patients.count(new PatientQuery("", false, false)) > 0) {
            return;
        }
        var me = accounts.currentUserId();
        Patient maria = patients.create(new PatientDetails("Maria", "Gonzalez", LocalDate.of(1951, 4, 2),
                "maria.gonzalez@example.org", "+44 20 7946 0018", "en", me, "Stiff in the mornings. Likes to stretch in bed."));
        Patient peter = patients.create(new PatientDetails("Peter", "Nowak", LocalDate.of(1978, 9, 17), "", "",
                "en", me, "Desk job; back pain by evening."));
        Patient aisha = patients.create(new PatientDetails("Aisha", "Khan", LocalDate.of(1964, 1, 30),
                "aisha.khan@example.org", "", "en", me, ""));
        Patient tom = patients.create(new PatientDetails("Tom", "Fischer", LocalDate.of(1947, 11, 5), "",
                "+49 30 901820", "en", null, "New patient, first visit next week."));

        // Maria: the morning in-bed routine, then eased over two more versions.
        List<ProgramItem> morning = new ArrayList<>(template("Morning stretches in bed"));
        programs.publish(maria.id(), 0, morning);
        morning.set(0, morning.getFirst().withDosage(new Dosage(1, 10, 5, Sides.NONE, 2, 7)));
        morning.removeLast();
        programs.publish(maria.id(), 1, morning);
        morning.set(1, morning.get(1).withNote("Keep your shoulders on the bed."));
        programs.publish(maria.id(), 2, morning);

        // Peter: the bedtime routine as it comes.
        programs.publish(peter.id(), 0, template("Bedtime routine"));

        // Aisha: three exercises picked by hand, then the hold made longer.
        List<ProgramItem> own = new ArrayList<>(List.of(item("knee-to-chest"), item("cat-camel"), item("bridge")));
        programs.publish(aisha.id(), 0, own);
        own.set(0, own.getFirst().withDosage(new Dosage(1, 3, 30, Sides.EACH_SIDE, 2, 7)));
        programs.publish(aisha.id(), 1, own);
        // Tom has no program yet.
    }

    private List<ProgramItem> template(String name) {
        return programs.templates().stream().filter(t -> t.name().equals(name)).findFirst()
                .map(Template::items).orElseThrow();
    }

    private ProgramItem item(String slug) {
        return programs.newItem(catalog.find(slug).orElseThrow().id());
    }
}

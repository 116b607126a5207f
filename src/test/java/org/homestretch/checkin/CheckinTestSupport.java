package org.homestretch.checkin;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramService;

import java.time.Instant;
import java.util.List;

/** A patient with a two-exercise program: knee to chest twice a day, bridge once. */
final class CheckinTestSupport {

    /** 09:00 in Berlin, where the test clinics are. */
    static final Instant START = Instant.parse("2026-03-10T08:00:00Z");

    private CheckinTestSupport() {
    }

    static Patient patientWithProgram(PatientService patients, ProgramService programs, CatalogService catalog,
                                      String firstName, String lastName) {
        Patient patient = patients.create(new PatientDetails(firstName, lastName, null, "", "", "en", null, ""));
        programs.publish(patient.id(), 0, List.of(
                item(programs, catalog, "knee-to-chest", new Dosage(1, 3, 30, Sides.EACH_SIDE, 2, 7)),
                item(programs, catalog, "bridge", new Dosage(2, 10, 5, Sides.BOTH_TOGETHER, 1, 5))));
        return patient;
    }

    static ProgramItem item(ProgramService programs, CatalogService catalog, String slug, Dosage dosage) {
        return programs.newItem(catalog.find(slug).orElseThrow().id()).withDosage(dosage);
    }
}

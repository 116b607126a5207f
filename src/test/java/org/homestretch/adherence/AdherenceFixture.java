package org.homestretch.adherence;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramService;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Patients with programs and check-ins for the adherence tests, in a clinic whose zone is
 * Berlin. Programs go through the real services; check-ins are written as rows, the way the
 * check-in feature stores them, with versions moved back to the days a test asks for. Also used
 * by the worklist's tests, which read the same flags.
 */
public final class AdherenceFixture {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final PatientService patients;
    private final ProgramService programs;
    private final CatalogService catalog;
    private final JdbcClient jdbc;
    public final LocalDate today;

    public AdherenceFixture(PatientService patients, ProgramService programs, CatalogService catalog, JdbcClient jdbc,
                     LocalDate today) {
        this.patients = patients;
        this.programs = programs;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.today = today;
    }

    /** A version's dosage for every item: times per day and days per week, published {@code daysAgo}. */
    public record V(int daysAgo, int timesPerDay, int daysPerWeek) {
    }

    public Patient patient(String first, String last, UserId therapist, V... versions) {
        Patient patient = patients.create(new PatientDetails(first, last, null, "", "", "en", therapist, ""));
        ProgramItem knee = programs.newItem(catalog.find("knee-to-chest").orElseThrow().id());
        ProgramItem bridge = programs.newItem(catalog.find("bridge").orElseThrow().id());
        for (int i = 0; i < versions.length; i++) {
            V v = versions[i];
            Dosage d = new Dosage(1, 5, 10, Sides.NONE, v.timesPerDay(), v.daysPerWeek());
            // The second item asks less, so the pace is set by the first (the most frequent exercise).
            Dosage lighter = new Dosage(1, 5, 10, Sides.NONE, 1, Math.min(v.daysPerWeek(), 3));
            programs.publish(patient.id(), i, List.of(knee.withDosage(d).withNote("v" + (i + 1)),
                    bridge.withDosage(lighter)));
            Instant at = today.minusDays(v.daysAgo()).atTime(11, 0).atZone(BERLIN).toInstant();
            jdbc.sql("""
                            update program_version set published_at = :at where number = :number
                              and program_id = (select id from program where patient_id = :patient)""")
                    .param("at", Timestamp.from(at)).param("number", i + 1).param("patient", patient.id().value())
                    .update();
        }
        return patient;
    }

    /** One check-in {@code daysAgo}, recorded that evening unless {@code recorded} says otherwise. */
    public UUID checkin(Patient patient, int daysAgo, int session, String status, Integer pain, String symptom) {
        return checkin(patient, daysAgo, session, status, pain, symptom,
                today.minusDays(daysAgo).atTime(19, 0).atZone(BERLIN).toInstant());
    }

    public UUID checkin(Patient patient, int daysAgo, int session, String status, Integer pain, String symptom,
                 Instant recorded) {
        return jdbc.sql("""
                        insert into checkin (clinic_id, patient_id, program_id, program_version_id, local_date,
                            session_number, status, skip_reason, pain, symptoms, comment, source, idempotency_key,
                            created_at)
                        select p.clinic_id, p.patient_id, p.id, v.id, :date, :session, :status, :skip, :pain,
                               :symptoms, :comment, 'PATIENT', :key, :at
                        from program p join program_version v on v.program_id = p.id
                        where p.patient_id = :patient
                        order by v.number desc limit 1
                        returning id""")
                .param("date", Date.valueOf(today.minusDays(daysAgo)))
                .param("session", session)
                .param("status", status)
                .param("skip", "SKIPPED".equals(status) ? "FORGOT" : null, java.sql.Types.VARCHAR)
                .param("pain", pain, java.sql.Types.SMALLINT)
                .param("symptoms", symptom == null ? new String[0] : new String[]{symptom})
                .param("comment", "")
                .param("key", UUID.randomUUID())
                .param("at", Timestamp.from(recorded))
                .param("patient", patient.id().value())
                .query(UUID.class).single();
    }

    /** Every session done on each day from {@code fromDaysAgo} to {@code toDaysAgo}. */
    public void doneDaily(Patient patient, int fromDaysAgo, int toDaysAgo, int sessions) {
        for (int day = fromDaysAgo; day >= toDaysAgo; day--) {
            for (int s = 1; s <= sessions; s++) {
                checkin(patient, day, s, "DONE", null, null);
            }
        }
    }

    public void withdraw(UUID checkin) {
        jdbc.sql("update checkin set withdrawn_at = created_at + interval '2 minutes' where id = :id")
                .param("id", checkin).update();
    }
}

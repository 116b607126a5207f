package org.homestretch.handout;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.clinic.ClinicService;
import org.homestretch.catalog.CatalogService;
import org.homestretch.checkin.AccessService;
import org.homestretch.clinic.ClinicLogos;
import org.homestretch.catalog.DosageText;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.catalog.ExerciseFigures;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersionId;
import org.homestretch.program.PublishedVersion;
import org.homestretch.clinic.Clinic;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handouts for a published program version. The version is looked up only within the signed-in
 * user's clinic (through {@link ProgramService} and {@link PatientService}), so another clinic's
 * id is simply not found.
 */
@Service
public class HandoutService {

    private final ProgramService programs;
    private final PatientService patients;
    private final CatalogService catalog;
    private final ClinicService clinics;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ClinicLogos logos;
    private final AccessService access;
    private final ExerciseFigures figures;
    private final AuditLog audit;
    private final HandoutRenderer renderer = new HandoutRenderer();
    private final TransactionTemplate reads;

    HandoutService(ProgramService programs, PatientService patients, CatalogService catalog, ClinicService clinics,
                   CurrentUser currentUser, Clock clock, ClinicLogos logos, AccessService access,
                   ExerciseFigures figures, AuditLog audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.programs = programs;
        this.patients = patients;
        this.catalog = catalog;
        this.clinics = clinics;
        this.currentUser = currentUser;
        this.clock = clock;
        this.logos = logos;
        this.access = access;
        this.figures = figures;
    }

    /**
     * The reads run in one read-only transaction (a published version never changes, and one
     * snapshot saves a round trip per lookup); rendering then holds no database connection. The
     * phone access and the audit entry are written after it, each in its own transaction.
     */
    public Handout render(ProgramVersionId id, HandoutOptions options) {
        SignedInUser user = currentUser.require();
        Printed printed = reads.execute(status -> read(id));
        if (printed == null) {
            throw new HandoutNotFoundException();
        }
        Patient patient = printed.patient();
        Clinic clinic = printed.clinic();
        String therapist = patient.therapistName() == null || patient.therapistName().isBlank()
                ? user.displayName() : patient.therapistName();
        // "Today" in the clinic's time zone, which is where the patient is handed the sheet.
        LocalDate today = LocalDate.now(clock.withZone(clinic.timeZone()));
        HandoutContent content = new HandoutContent(clinic.name(), clinic.phone(), patient.fullName(),
                initials(patient.details().firstName(), patient.details().lastName()), therapist, today,
                printed.version().version().number(), printed.items(), printed.logo(), phoneAccess(printed.version()),
                clinic.emergencyNumber(), clinic.outOfHoursPhone());
        Handout handout = new Handout(printed.version().version().number(), renderer.render(content, options));
        // Written once the PDF exists, in its own transaction like a page view (see the note above).
        audit.recordRead(AuditAction.HANDOUT_EXPORTED, patient.id().value(),
                "version " + printed.version().version().number() + (options.largePrint() ? ", large print" : ""));
        return handout;
    }

    /** What the reads found: the version with its patient, the clinic, the exercises to print, the logo. */
    private record Printed(PublishedVersion version, Patient patient, Clinic clinic, List<HandoutContent.Item> items,
                           byte[] logo) {
    }

    /** Null when the version or its patient is not the caller's clinic's. */
    private Printed read(ProgramVersionId id) {
        Optional<PublishedVersion> found = programs.findVersion(id);
        Optional<Patient> patient = found.flatMap(f -> patients.find(f.patientId()));
        if (patient.isEmpty()) {
            return null;
        }
        List<ProgramItem> items = found.get().version().items();
        // All the exercises in one statement rather than one per item.
        Map<ExerciseId, Exercise> exercises = catalog.findAll(items.stream().map(ProgramItem::exerciseId).toList());
        return new Printed(found.get(), patient.get(), clinics.current(),
                items.stream().map(item -> item(item, Optional.ofNullable(exercises.get(item.exerciseId())))).toList(),
                logos.find().orElse(null));
    }

    /** Printing a handout is handing it to the patient: their link and code are issued now if they have none. */
    private HandoutContent.PhoneAccess phoneAccess(PublishedVersion found) {
        return access.ensure(found.patientId())
                .map(a -> new HandoutContent.PhoneAccess(a.link(), a.codePage(), a.code()))
                .orElse(null);
    }

    private HandoutContent.Item item(ProgramItem item, Optional<Exercise> found) {
        Optional<ExerciseContent> exercise = found.map(Exercise::content);
        return new HandoutContent.Item(item.exerciseName(),
                exercise.map(ExerciseContent::steps).orElse(List.of()), DosageText.sentence(item.dosage()),
                item.note(), exercise.map(ExerciseContent::tips).orElse(List.of()), item.dosage().timesPerDay(),
                found.flatMap(figures::figure).orElse(null));
    }

    static String initials(String first, String last) {
        return initial(first) + initial(last);
    }

    private static String initial(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return new String(Character.toChars(Character.toUpperCase(name.strip().codePointAt(0)))) + ".";
    }
}

package org.homestretch.audit;

import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail for the clinic's admin: pages of entries, the accesses to one patient, the
 * CSV export and the chain check. Every method takes the clinic from the signed-in user and
 * refuses anyone but an admin.
 */
@Service
public class AuditTrail {

    /** How many accesses the patient record lists; the total is given too. */
    public static final int RECORD_ACCESS_LIMIT = 50;

    /** The accesses to one patient, newest first, with how many there are in all. */
    public record RecordAccess(List<AuditRow> latest, int total) {
    }

    /** A file to download. */
    public record Export(String fileName, String contentType, byte[] content) {
    }

    private final AuditQueryRepository repository;
    private final AuditVerifier verifier;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditTrail(AuditQueryRepository repository, AuditVerifier verifier, AuditLog audit, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.verifier = verifier;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** One page of the clinic's entries that match the filter, newest first. */
    @Transactional(readOnly = true)
    public List<AuditRow> entries(AuditFilter filter, int offset, int limit) {
        return repository.page(adminsClinic(), filter, null, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        return repository.count(adminsClinic(), filter, null);
    }

    /** The choices of the "who" filter: the clinic's staff by name, then patients and the app. */
    @Transactional(readOnly = true)
    public List<AuditActor> actors() {
        List<AuditActor> actors = new ArrayList<>(repository.staff(adminsClinic()));
        actors.add(AuditActor.PATIENTS);
        actors.add(AuditActor.SYSTEM);
        return actors;
    }

    /** Who opened or changed this patient's record: the latest entries naming the patient. */
    @Transactional(readOnly = true)
    public RecordAccess accessesTo(UUID patientId) {
        UUID clinic = adminsClinic();
        return new RecordAccess(repository.page(clinic, AuditFilter.NONE, patientId, 0, RECORD_ACCESS_LIMIT),
                repository.count(clinic, AuditFilter.NONE, patientId));
    }

    /**
     * Every entry that matches the filter as CSV, newest first. Exporting the trail is itself
     * recorded, like any export: in its own transaction, never failing the download.
     */
    @Transactional(readOnly = true)
    public Export csv(AuditFilter filter) {
        UUID clinic = adminsClinic();
        List<AuditRow> rows = repository.page(clinic, filter, null, 0, Integer.MAX_VALUE);
        byte[] content = AuditCsv.write(rows);
        int count = rows.size();
        LocalDate today = LocalDate.now(clock.withZone(repository.timeZone(clinic)));
        audit.recordRead(AuditAction.AUDIT_LOG_EXPORTED, null, count == 1 ? "1 entry" : count + " entries");
        return new Export("audit-trail-" + today + ".csv", "text/csv;charset=UTF-8", content);
    }

    /** Checks the clinic's chain and says the outcome in plain words. */
    public AuditVerifier.Result check() {
        adminsClinic();
        return verifier.verifyOwnClinic();
    }

    private UUID adminsClinic() {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may read the audit trail.");
        }
        return user.clinicId().value();
    }
}

package org.homestretch.worklist;

import org.homestretch.adherence.AdherenceFlags;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.base.DateStyle;
import org.homestretch.clinic.Clinic;
import org.homestretch.clinic.ClinicService;
import org.homestretch.outcome.OutcomeTrends;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What needs the signed-in user: their own patients' open flags and worsening outcome scores, or
 * the whole clinic's for an admin. The clinic always comes from {@link CurrentUser}; flags and
 * their reviews are the adherence dashboard's ({@link AdherenceFlags}), so reviewing in either
 * place is reviewing in both.
 */
@Service
class WorklistService {

    /** The list as read at {@code checkedAt}, with how the clinic writes dates and where it is. */
    record Worklist(List<WorklistItem> items, Instant checkedAt, ZoneId zone, DateStyle dateStyle, boolean wholeClinic) {
    }

    /** Most urgent group first; within a group the newest first; then by name, for a stable order. */
    static final Comparator<WorklistItem> ORDER = Comparator.comparing(WorklistItem::group)
            .thenComparing(WorklistItem::at, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(WorklistItem::patientName, String.CASE_INSENSITIVE_ORDER);

    private final AdherenceFlags flags;
    private final OutcomeTrends outcomes;
    private final WorklistRepository repository;
    private final ClinicService clinics;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    WorklistService(AdherenceFlags flags, OutcomeTrends outcomes, WorklistRepository repository,
                    ClinicService clinics, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.flags = flags;
        this.outcomes = outcomes;
        this.repository = repository;
        this.clinics = clinics;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Worklist current() {
        SignedInUser user = currentUser.require();
        Clinic clinic = clinics.current();
        List<WorklistItem> items = new ArrayList<>(flags.open().stream().map(WorklistItem::of).toList());
        items.addAll(worsening(user));
        items.sort(ORDER);
        return new Worklist(List.copyOf(items), clock.instant(), clinic.timeZone(), clinic.dateStyle(), user.isAdmin());
    }

    /** The warning signs (emergency and urgent) nobody has reviewed, for the count in the side navigation. */
    @Transactional(readOnly = true)
    public int unreviewedWarnings() {
        return (int) flags.open().stream().map(WorklistItem::of).filter(WorklistItem::warningSign).count();
    }

    /**
     * Stores that the signed-in user reviewed this item, with an audit entry. Returns false and
     * stores nothing when it is no longer open (a second click, or a colleague was first).
     */
    @Transactional
    public boolean markReviewed(WorklistItem item) {
        if (item.flag() != null) {
            return flags.markReviewed(item.patient(), item.flag());
        }
        SignedInUser user = currentUser.require();
        // Only a score that is still an open item of this user's list: never an id from elsewhere.
        boolean open = worsening(user).stream().anyMatch(w -> w.score().equals(item.score())
                && w.patient().equals(item.patient()));
        if (!open) {
            return false;
        }
        boolean stored = repository.insertReview(user.clinicId(), item.patient(), item.measure().id(), item.score(),
                user.userId(), clock.instant());
        if (stored) {
            audit.record(AuditAction.FLAG_REVIEWED, item.patient().value(), item.measure().id());
        }
        return stored;
    }

    private List<WorklistItem> worsening(SignedInUser user) {
        List<OutcomeTrends.Worsening> worse = outcomes.worsening();
        Set<UUID> reviewed = repository.reviewedScores(user.clinicId(),
                worse.stream().map(OutcomeTrends.Worsening::latestScore).toList());
        return worse.stream().filter(w -> !reviewed.contains(w.latestScore()))
                .map(w -> new WorklistItem(WorklistItem.Group.OUTCOME, w.patient(), w.patientName(),
                        w.measure().shortName() + ": " + w.change(), w.enteredAt(), false, null, w.measure(),
                        w.latestScore()))
                .toList();
    }
}

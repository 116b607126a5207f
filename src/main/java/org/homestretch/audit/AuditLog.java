package org.homestretch.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes audit entries for the signed-in staff member's clinic. For {@link #record} and
 * {@link #recordRead} the clinic and the actor always come from {@link CurrentUser}, never from
 * arguments, so an entry cannot be filed under another clinic. Only {@link #recordFor} takes them
 * as arguments, for sign-ins and the patient's page, where no staff member is signed in.
 *
 * <p>The patient is passed as its id's {@code UUID}, not as {@code PatientId}: the patient
 * feature will call this service, and depending on it here would make the two features a cycle.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_DETAIL = 200;
    private static final int MAX_ADDRESS = 64;

    private final AuditRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AuditLog(AuditRepository repository, CurrentUser currentUser, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a change in the caller's transaction, so the entry commits or rolls back with the
     * change it describes. Mandatory: a caller without a transaction is a programming error,
     * because the change and its entry could then part ways.
     *
     * @param patientIdOrNull the patient concerned, if any
     * @param detail          short text without patient data, e.g. "version 3"; may be empty
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, UUID patientIdOrNull, String detail) {
        append(currentUser.require(), action, patientIdOrNull, detail);
    }

    /**
     * Records that a page was viewed, in its own transaction, and never fails the caller: a
     * page must open even if its entry cannot be written. A failure is logged by action only.
     */
    public void recordRead(AuditAction action, UUID patientIdOrNull, String detail) {
        try {
            SignedInUser user = currentUser.require();
            ownTransaction.executeWithoutResult(status -> {
                // If the caller's own transaction holds this clinic's chain lock, waiting for it
                // here would wait forever: give up after a while instead (logged below).
                repository.limitLockWait();
                append(user, action, patientIdOrNull, detail);
            });
        } catch (RuntimeException e) {
            // The exception's message may quote SQL parameters; log only its type.
            log.error("Audit entry {} could not be written ({})", action, e.getClass().getName());
        }
    }

    /**
     * Records an action for a given clinic and actor, for the moments when no staff member is
     * signed in: a sign-in (failed or not), a logoff, a patient on the phone page. The caller
     * names the clinic, so it must take it from a record it trusts (the account that tried to
     * sign in, the patient's own access row), never from the request.
     *
     * <p>Joins the caller's transaction when there is one, so that a patient's new session and its
     * entry commit together; otherwise runs in its own. Unlike {@link #recordRead} it throws when
     * the entry cannot be written: a caller that must not fail catches that itself.
     *
     * @param actorIdOrNull the staff user id, the patient id for {@link ActorKind#PATIENT}, or null
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordFor(UUID clinicId, UUID actorIdOrNull, ActorKind kind, AuditAction action, UUID patientIdOrNull,
                          String detail) {
        append(clinicId, actorIdOrNull, kind, action, patientIdOrNull, detail);
    }

    private void append(SignedInUser user, AuditAction action, UUID patientId, String detail) {
        append(user.clinicId().value(), user.userId().value(), ActorKind.STAFF, action, patientId, detail);
    }

    private void append(UUID clinic, UUID actor, ActorKind kind, AuditAction action, UUID patientId, String detail) {
        Objects.requireNonNull(clinic, "clinic");
        repository.lockChain(clinic);
        var end = repository.chainEnd(clinic);
        long sequence = end.map(AuditRepository.ChainEnd::sequence).orElse(0L) + 1;
        byte[] previous = end.map(AuditRepository.ChainEnd::hash).orElse(AuditHash.GENESIS);
        AuditEntry entry = new AuditEntry(clinic, sequence, AuditHash.storable(clock.instant()),
                actor, kind, action.name(), patientId, detail == null ? "" : clip(detail, MAX_DETAIL),
                clientAddress(), previous, null);
        repository.insert(withHash(entry));
    }

    private static AuditEntry withHash(AuditEntry e) {
        return new AuditEntry(e.clinicId(), e.sequence(), e.occurredAt(), e.actorId(), e.actorKind(), e.action(),
                e.patientId(), e.detail(), e.clientAddress(), e.previousHash(), AuditHash.of(e));
    }

    /** The address Tomcat reports for the current request (the proxy's only when trusted), if any. */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return clip(request.getRemoteAddr(), MAX_ADDRESS);
        }
        return null;
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() > max ? s.substring(0, max) : s;
    }
}

package org.homestretch.checkin;

import org.homestretch.audit.ActorKind;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The patient's side of access: a link token or a typed code becomes a patient session. The
 * phone keeps only a random session id; the database keeps its hash. Revoking the access ends
 * the session at its next request.
 */
@Component
class PatientSignIn {

    /** A patient who has not opened the page for this long scans the QR code again. */
    static final Duration IDLE_LIMIT = Duration.ofDays(60);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    sealed interface CodeResult {
        record Opened(String sessionId) implements CodeResult {
        }

        record Malformed() implements CodeResult {
        }

        record Wrong() implements CodeResult {
        }

        record Wait(Duration duration) implements CodeResult {
        }
    }

    private final AccessRepository access;
    private final AccessKeys keys;
    private final WrongCodeLimiter limiter;
    private final Clock clock;
    private final AuditLog audit;

    PatientSignIn(AccessRepository access, AccessKeys keys, WrongCodeLimiter limiter, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.access = access;
        this.keys = keys;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** A new session for a live link; empty for anything else, without saying why. */
    @Transactional
    Optional<String> withToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return access.liveByToken(AccessKeys.tokenHash(token)).map(id -> open(id, AuditAction.PATIENT_SIGNED_IN_BY_LINK));
    }

    @Transactional
    CodeResult withCode(String typed, String clientAddress) {
        String code = AccessKeys.normalise(typed);
        if (code.isEmpty()) {
            // Eight characters, but one we never use (such as B or 8): wrong, though no guess worth counting.
            return AccessKeys.looksLikeACode(typed) ? new CodeResult.Wrong() : new CodeResult.Malformed();
        }
        Optional<Duration> wait = limiter.waitBefore(clientAddress, code);
        if (wait.isPresent()) {
            return new CodeResult.Wait(wait.get());
        }
        Optional<UUID> found = access.liveByCode(keys.codeHash(code));
        if (found.isEmpty()) {
            limiter.failed(clientAddress, code);
            return new CodeResult.Wrong();
        }
        return new CodeResult.Opened(open(found.get(), AuditAction.PATIENT_SIGNED_IN_BY_CODE));
    }

    @Transactional
    Optional<PatientContext> resolve(String sessionId) {
        if (sessionId == null || !TOKEN.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        byte[] hash = AccessKeys.sessionHash(sessionId);
        Optional<PatientContext> context = access.context(hash, clock.instant().minus(IDLE_LIMIT));
        context.ifPresent(c -> access.touch(hash, c.accessId(), clock.instant()));
        return context;
    }

    @Transactional
    void signOut(String sessionId) {
        if (sessionId != null && TOKEN.matcher(sessionId).matches()) {
            access.closeSession(AccessKeys.sessionHash(sessionId));
        }
    }

    /** Opens a session, and records it in the same transaction, as the patient, in the patient's clinic. */
    private String open(UUID accessId, AuditAction how) {
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(AccessKeys.randomBytes(32));
        access.openSession(AccessKeys.sessionHash(sessionId), accessId, clock.instant());
        access.owner(accessId).ifPresent(owner -> audit.recordFor(owner.clinicId().value(),
                owner.patientId().value(), ActorKind.PATIENT, how, owner.patientId().value(), ""));
        return sessionId;
    }
}

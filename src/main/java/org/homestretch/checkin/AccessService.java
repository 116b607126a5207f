package org.homestretch.checkin;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.patient.PatientId;
import org.homestretch.program.ProgramId;
import org.homestretch.program.ProgramService;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The therapist's side of patient access: the link and code printed on the handout, when they
 * were last used, and revoking or reissuing them. The program is always found through
 * {@link ProgramService}, which scopes it to the signed-in user's clinic.
 */
@Service
public class AccessService {

    /**
     * What the handout prints and the check-ins page shows: the link, the address where the code
     * is typed (without "https://", as people type it), the code, and when it was last used
     * (null until first use).
     */
    public record AccessInfo(String link, String codePage, String code, Instant createdAt, Instant lastUsedAt) {
        @Override
        public String toString() {
            return "AccessInfo[created " + createdAt + "]";
        }
    }

    private final AccessRepository access;
    private final AccessKeys keys;
    private final ProgramService programs;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Environment environment;
    private final AuditLog audit;

    AccessService(AccessRepository access, AccessKeys keys, ProgramService programs, CurrentUser currentUser,
                  Clock clock, Environment environment, AuditLog audit) {
        this.audit = audit;
        this.access = access;
        this.keys = keys;
        this.programs = programs;
        this.currentUser = currentUser;
        this.clock = clock;
        this.environment = environment;
    }

    /** The patient's live access; empty before the first print, after a revoke, or for another clinic's patient. */
    @Transactional(readOnly = true)
    public Optional<AccessInfo> find(PatientId patientId) {
        SignedInUser user = currentUser.require();
        return programs.programOf(patientId).flatMap(program -> access.live(user.clinicId(), program)).map(this::info);
    }

    /** The live access, created if there is none; empty while the patient has no published program. */
    @Transactional
    public Optional<AccessInfo> ensure(PatientId patientId) {
        SignedInUser user = currentUser.require();
        Optional<ProgramId> program = programs.programOf(patientId);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(info(ensure(user, patientId, program.get())));
    }

    /** Ends the old link, code and open patient sessions at once, and issues new ones. */
    @Transactional
    public Optional<AccessInfo> reissue(PatientId patientId) {
        SignedInUser user = currentUser.require();
        Optional<ProgramId> program = programs.programOf(patientId);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        if (access.revoke(user.clinicId(), program.get(), user.userId(), clock.instant()) > 0) {
            audit.record(AuditAction.ACCESS_REVOKED, patientId.value(), "reissued");
        }
        return Optional.of(info(ensure(user, patientId, program.get())));
    }

    /** Ends the link, code and open patient sessions; nothing new is issued until the next print. */
    @Transactional
    public boolean revoke(PatientId patientId) {
        SignedInUser user = currentUser.require();
        boolean revoked = programs.programOf(patientId)
                .map(program -> access.revoke(user.clinicId(), program, user.userId(), clock.instant()) > 0)
                .orElse(false);
        if (revoked) {
            audit.record(AuditAction.ACCESS_REVOKED, patientId.value(), "");
        }
        return revoked;
    }

    private AccessRepository.Access ensure(SignedInUser user, PatientId patientId, ProgramId program) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<AccessRepository.Access> live = access.live(user.clinicId(), program);
            if (live.isPresent()) {
                return live.get();
            }
            byte[] nonce = AccessKeys.randomBytes(32);
            // Not inserted: another print created it first, or (rarely) the code is taken; look again.
            if (access.insert(user.clinicId(), program, nonce, AccessKeys.tokenHash(keys.token(nonce)),
                    keys.codeHash(keys.code(nonce)), user.userId(), clock.instant())) {
                audit.record(AuditAction.ACCESS_ISSUED, patientId.value(), "");
            }
        }
        return access.live(user.clinicId(), program)
                .orElseThrow(() -> new IllegalStateException("Could not issue patient access"));
    }

    /** Read at use, not at start-up, so that it may name the port the server got (tests use a random one). */
    private String publicUrl() {
        String url = environment.getRequiredProperty("homestretch.public-url").strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private AccessInfo info(AccessRepository.Access a) {
        String publicUrl = publicUrl();
        return new AccessInfo(publicUrl + "/p/" + keys.token(a.nonce()),
                publicUrl.replaceFirst("^https?://", "") + "/p", AccessKeys.display(keys.code(a.nonce())),
                a.createdAt(), a.lastUsedAt());
    }
}

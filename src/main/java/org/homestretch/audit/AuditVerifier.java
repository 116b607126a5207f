package org.homestretch.audit;

import org.homestretch.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Walks a clinic's hash chain in sequence order and reports the first broken link: an entry
 * whose content no longer matches its hash, whose previous hash is not the hash of the entry
 * before it, or a missing sequence number.
 */
@Service
public class AuditVerifier {

    /** Why a link is broken. */
    public enum Problem {
        HASH_MISMATCH,
        PREVIOUS_HASH_MISMATCH,
        SEQUENCE_GAP
    }

    /**
     * The outcome for one clinic: OK with the number of entries checked, or the first broken
     * link's sequence number and why.
     */
    public record Result(UUID clinicId, long entriesChecked, Long brokenAt, Problem problem) {
        public boolean ok() {
            return problem == null;
        }

        @Override
        public String toString() {
            return ok() ? "clinic " + clinicId + ": OK, " + entriesChecked + " entries"
                    : "clinic " + clinicId + ": broken at entry " + brokenAt + " (" + problem + ")";
        }
    }

    private final AuditRepository repository;
    private final CurrentUser currentUser;

    AuditVerifier(AuditRepository repository, CurrentUser currentUser) {
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** Checks the signed-in admin's clinic. */
    @Transactional(readOnly = true)
    public Result verifyOwnClinic() {
        var user = currentUser.require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may check the audit trail.");
        }
        return verify(user.clinicId().value());
    }

    /**
     * Checks every clinic's chain; for the command line, which runs without a signed-in user.
     * Not for the UI, which must use {@link #verifyOwnClinic()}.
     */
    @Transactional(readOnly = true)
    public List<Result> verifyAllClinics() {
        return repository.clinicsWithEntries().stream().map(this::verify).toList();
    }

    Result verify(UUID clinicId) {
        var walk = new Walk(clinicId);
        repository.forEachInOrder(clinicId, walk::next);
        return walk.result();
    }

    /** State of one walk along a chain; stops looking after the first broken link. */
    private static final class Walk {
        private final UUID clinicId;
        private long checked;
        private byte[] previousHash = AuditHash.GENESIS;
        private Long brokenAt;
        private Problem problem;

        Walk(UUID clinicId) {
            this.clinicId = clinicId;
        }

        void next(AuditEntry e) {
            if (problem != null) {
                return;
            }
            long expected = checked + 1;
            if (e.sequence() != expected) {
                fail(expected, Problem.SEQUENCE_GAP);
            } else if (!Arrays.equals(e.previousHash(), previousHash)) {
                fail(e.sequence(), Problem.PREVIOUS_HASH_MISMATCH);
            } else if (!Arrays.equals(AuditHash.of(e), e.hash())) {
                fail(e.sequence(), Problem.HASH_MISMATCH);
            } else {
                checked = expected;
                previousHash = e.hash();
            }
        }

        private void fail(long sequence, Problem why) {
            brokenAt = sequence;
            problem = why;
        }

        Result result() {
            return new Result(clinicId, checked, brokenAt, problem);
        }
    }
}

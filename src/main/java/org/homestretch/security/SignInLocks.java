package org.homestretch.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Accounts locked after repeated failed sign-ins, for the admin of their clinic: see until when,
 * and lift the lock. Both check the role here (a view check alone can be bypassed) and only ever
 * touch accounts of the admin's own clinic.
 */
@Service
public class SignInLocks {

    private final SignInAttemptRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    SignInLocks(SignInAttemptRepository repository, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** When the account's lock ends, if it is locked now. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(UserId userId) {
        return repository.findLock(requireAdmin().clinicId(), userId, clock.instant());
    }

    /** Lifts the lock and forgets the failures: the account can sign in again at once. */
    @Transactional
    public boolean unlock(UserId userId) {
        return repository.deleteAccount(requireAdmin().clinicId(), userId);
    }

    private SignedInUser requireAdmin() {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin can lift a sign-in lock.");
        }
        return user;
    }
}

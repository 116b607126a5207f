package org.homestretch.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin makes a therapist an admin or an admin a therapist. The person's open sessions end,
 * so the new role applies from their next sign-in and nobody keeps rights they lost.
 */
@Service
public class AccountRoles {

    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final SessionRevocation revocation;
    private final ApplicationEventPublisher events;

    AccountRoles(AccountRepository accounts, CurrentUser currentUser, SessionRevocation revocation,
                 ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.revocation = revocation;
    }

    /**
     * Changes the role of an account in the admin's own clinic. An admin cannot change their own
     * role, nor leave the clinic without an enabled admin (the same rules as for disabling).
     */
    @Transactional
    public void changeRole(UserId userId, Role role) {
        SignedInUser admin = currentUser.require();
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change roles.");
        }
        if (role == null) {
            throw new AccountException("role", "Choose a role.");
        }
        UserAccount target = accounts.findUser(admin.clinicId(), userId)
                .orElseThrow(() -> new AccountException(null, "That account no longer exists."));
        if (target.id().equals(admin.userId())) {
            throw new AccountException("role", "You cannot change your own role.");
        }
        if (target.role() == role) {
            return;
        }
        if (target.role() == Role.ADMIN && target.enabled() && accounts.countEnabledAdmins(admin.clinicId()) <= 1) {
            throw new AccountException("role", "The clinic needs at least one enabled admin.");
        }
        accounts.setRole(admin.clinicId(), userId, role);
        events.publishEvent(new AccountChanged(AccountChanged.Kind.ROLE_CHANGED, userId, "role " + role));
        revocation.endSessionsOf(userId);
    }
}

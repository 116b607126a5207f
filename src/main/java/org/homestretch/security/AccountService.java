package org.homestretch.security;

import org.homestretch.base.DateStyle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Accounts of the signed-in user's clinic. Every method scopes to the caller's
 * clinic; admin-only methods check the role here, not only in the view.
 */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final ClinicProvisioning provisioning;
    private final CurrentUser currentUser;
    private final SessionRevocation revocation;
    private final ApplicationEventPublisher events;

    AccountService(AccountRepository accounts, ClinicProvisioning provisioning, CurrentUser currentUser,
                   SessionRevocation revocation, ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.provisioning = provisioning;
        this.currentUser = currentUser;
        this.revocation = revocation;
    }

    public boolean isAdmin() {
        return currentUser.require().isAdmin();
    }

    public UserId currentUserId() {
        return currentUser.require().userId();
    }

    /** The enabled therapists and admins of the caller's clinic, for choosing a patient's therapist. */
    @Transactional(readOnly = true)
    public List<UserAccount> colleagues() {
        return accounts.findUsers(currentUser.require().clinicId(), 0, 1000).stream()
                .filter(UserAccount::enabled).toList();
    }

    @Transactional(readOnly = true)
    public List<UserAccount> users(int offset, int limit) {
        return accounts.findUsers(requireAdmin().clinicId(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int countUsers() {
        return accounts.countUsers(requireAdmin().clinicId());
    }

    @Transactional
    public UserId addUser(NewAccount account) {
        UserId id = provisioning.addAccount(requireAdmin().clinicId(), account);
        events.publishEvent(new AccountChanged(AccountChanged.Kind.CREATED, id, "role " + account.role()));
        return id;
    }

    /**
     * Disables or re-enables an account in the admin's own clinic. An admin cannot lock
     * themselves out, nor leave the clinic without an enabled admin.
     */
    @Transactional
    public void setEnabled(UserId userId, boolean enabled) {
        SignedInUser admin = requireAdmin();
        UserAccount target = accounts.findUser(admin.clinicId(), userId)
                .orElseThrow(() -> new AccountException(null, "That account no longer exists."));
        if (!enabled && target.id().equals(admin.userId())) {
            throw new AccountException(null, "You cannot disable your own account.");
        }
        if (!enabled && target.role() == Role.ADMIN && target.enabled()
                && accounts.countEnabledAdmins(admin.clinicId()) <= 1) {
            throw new AccountException(null, "The clinic needs at least one enabled admin.");
        }
        accounts.setEnabled(admin.clinicId(), userId, enabled);
        events.publishEvent(new AccountChanged(enabled ? AccountChanged.Kind.ENABLED : AccountChanged.Kind.DISABLED,
                userId, ""));
        if (!enabled) {
            revocation.endSessionsOf(userId);
        }
    }

    private SignedInUser requireAdmin() {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin can manage accounts.");
        }
        return user;
    }
}

package org.homestretch.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Setting a password after the account exists: a user changes their own (knowing the current
 * one), or an admin issues a one-time reset link for another user of the clinic. Both end the
 * user's other sessions through {@link SessionEnder}.
 */
@Service
public class PasswordService {

    public static final Duration RESET_LINK_LIFETIME = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(PasswordService.class);
    // 32 random bytes, base64url without padding.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final PasswordRepository passwords;
    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final PasswordEncoder encoder;
    private final SessionEnders sessions;
    private final ResetLinkMailer mailer;
    private final Clock clock;
    private final Environment environment;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    PasswordService(PasswordRepository passwords, AccountRepository accounts, CurrentUser currentUser,
                    PasswordEncoder encoder, SessionEnders sessions, ResetLinkMailer mailer, Clock clock,
                    Environment environment, ApplicationEventPublisher events) {
        this.events = events;
        this.passwords = passwords;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.encoder = encoder;
        this.sessions = sessions;
        this.mailer = mailer;
        this.clock = clock;
        this.environment = environment;
    }

    /**
     * Changes the signed-in user's password and ends their other sessions.
     *
     * @param keepSessionId the session making the change, which stays signed in
     * @throws AccountException for field {@code currentPassword} or {@code newPassword}
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword, String keepSessionId) {
        PasswordRepository.PasswordOwner owner = passwords.findOwner(currentUser.require().userId())
                .orElseThrow(() -> new AccessDeniedException("Sign in first."));
        if (currentPassword == null || !encoder.matches(currentPassword, owner.passwordHash())) {
            throw new AccountException("currentPassword", "That is not your current password.");
        }
        checkStrength(newPassword, owner, "newPassword");
        if (encoder.matches(newPassword, owner.passwordHash())) {
            throw new AccountException("newPassword", "Choose a new password, not the one you have now.");
        }
        passwords.updatePasswordHash(owner.userId(), encoder.encode(newPassword));
        passwords.discardUnusedResets(owner.userId());
        sessions.endSessions(owner.userId(), keepSessionId);
        log.info("Password changed by user {}", owner.userId().value());
    }

    /**
     * Issues a one-time link for another user of the admin's clinic to set a new password, valid
     * for 24 hours; it replaces any earlier unused link. Sent by email when mail is set up.
     */
    @Transactional
    public ResetLink issueResetLink(UserId userId) {
        SignedInUser admin = currentUser.require();
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an admin can reset another user's password.");
        }
        UserAccount target = accounts.findUser(admin.clinicId(), userId)
                .orElseThrow(() -> new AccountException(null, "That account no longer exists."));
        if (target.id().equals(admin.userId())) {
            throw new AccountException(null, "Change your own password from your user menu instead.");
        }
        if (!target.enabled()) {
            throw new AccountException(null, "Enable the account first: a disabled account cannot sign in.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(RESET_LINK_LIFETIME);
        passwords.replaceReset(target.id(), sha256(token), admin.userId(), now, expiresAt);
        events.publishEvent(new AccountChanged(AccountChanged.Kind.PASSWORD_RESET_LINK_ISSUED, target.id(), ""));
        String url = publicUrl() + "/reset-password?token=" + token;
        boolean emailed = mailer.send(target.email(), target.displayName(), admin.displayName(), url);
        log.info("Password reset link issued for user {} by user {}", target.id().value(), admin.userId().value());
        return new ResetLink(url, expiresAt, emailed);
    }

    /** What the reset page should show for this token, before the user types anything. */
    @Transactional(readOnly = true)
    public ResetLinkState checkResetLink(String token) {
        return state(find(token, false));
    }

    /**
     * Sets the password with a reset link, once: the link stops working, and every session of the
     * account ends.
     *
     * @throws AccountException for field {@code password} when the password is weak, or without a
     *                          field when the link no longer works
     */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        Optional<PasswordRepository.ResetRow> row = find(token, true);
        ResetLinkState state = state(row);
        if (state != ResetLinkState.VALID) {
            throw new AccountException(null, state.message());
        }
        PasswordRepository.ResetRow reset = row.orElseThrow();
        PasswordRepository.PasswordOwner owner = passwords.findOwner(reset.userId()).orElseThrow();
        checkStrength(newPassword, owner, "password");
        passwords.updatePasswordHash(owner.userId(), encoder.encode(newPassword));
        passwords.markUsed(reset.id(), clock.instant());
        passwords.discardUnusedResets(owner.userId());
        sessions.endSessions(owner.userId(), null);
        log.info("Password set with a reset link for user {}", owner.userId().value());
    }

    /** Read at use, as the handouts do: the server's port may be known only once it runs. */
    private String publicUrl() {
        String url = environment.getProperty("homestretch.public-url", "").strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Optional<PasswordRepository.ResetRow> find(String token, boolean lock) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return lock ? passwords.findResetForUpdate(sha256(token)) : passwords.findReset(sha256(token));
    }

    private ResetLinkState state(Optional<PasswordRepository.ResetRow> row) {
        if (row.isEmpty()) {
            return ResetLinkState.UNKNOWN;
        }
        if (row.get().usedAt() != null) {
            return ResetLinkState.USED;
        }
        if (!clock.instant().isBefore(row.get().expiresAt())) {
            return ResetLinkState.EXPIRED;
        }
        boolean enabled = passwords.findOwner(row.get().userId()).map(PasswordRepository.PasswordOwner::enabled)
                .orElse(false);
        return enabled ? ResetLinkState.VALID : ResetLinkState.ACCOUNT_DISABLED;
    }

    private static void checkStrength(String password, PasswordRepository.PasswordOwner owner, String field) {
        AccountRules.checkPassword(password, List.of(owner.email(), owner.displayName())).ifPresent(message -> {
            throw new AccountException(field, message);
        });
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

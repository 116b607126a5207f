package org.homestretch.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Two-factor sign-in with an authenticator app (TOTP) and one-time recovery codes: setting it up,
 * checking the code after the password, turning it off, and the clinic-wide requirement.
 */
@Service
public class TwoFactorService {

    static final String ISSUER = "HomeStretch";
    static final int MAX_WRONG_CODES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(TwoFactorService.class);
    private static final String WRONG_CODE = "That code is not right. Type the 6 digits your authenticator app "
            + "shows for HomeStretch now, or one of your recovery codes.";

    /** A new secret to add to an authenticator app, by QR code or by typing it. */
    public record Enrolment(String secret, String otpauthUri) {

        /** The secret in groups of four, as people type it. */
        public String groupedSecret() {
            return TotpCodes.grouped(secret);
        }

        @Override
        public String toString() {
            return "Enrolment[]"; // never the secret
        }
    }

    /** A right code at sign-in; when it was a recovery code, how many are left. */
    public record SignInCode(boolean recoveryCode, int recoveryCodesLeft) {
    }

    private final TwoFactorRepository twoFactor;
    private final PasswordRepository passwords;
    private final AccountRepository accounts;
    private final SecondFactorGate gate;
    private final CurrentUser currentUser;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TwoFactorService(TwoFactorRepository twoFactor, PasswordRepository passwords, AccountRepository accounts,
                     SecondFactorGate gate, CurrentUser currentUser, PasswordEncoder encoder, Clock clock,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.twoFactor = twoFactor;
        this.passwords = passwords;
        this.accounts = accounts;
        this.gate = gate;
        this.currentUser = currentUser;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TwoFactorStatus status() {
        SignedInUser user = currentUser.require();
        boolean enabled = twoFactor.signInFacts(user.userId()).map(TwoFactorRepository.SignInFacts::enrolled)
                .orElse(false);
        return new TwoFactorStatus(enabled, twoFactor.clinicRequires(user.clinicId()),
                enabled ? twoFactor.unusedRecoveryCodes(user.userId()) : 0);
    }

    /** What this session still has to do before it reaches any page. */
    @Transactional(readOnly = true)
    public SecondStep signInStep() {
        return gate.stepFor(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * A secret for the signed-in user; two-factor is on only once a code from it is confirmed. A
     * secret not confirmed yet is shown again (after a reload, the app that scanned it still works).
     */
    @Transactional
    public Enrolment startEnrolment() {
        SignedInUser user = currentUser.require();
        Optional<TwoFactorRepository.Secret> existing = twoFactor.findForUpdate(user.userId());
        if (existing.map(TwoFactorRepository.Secret::confirmed).orElse(false)) {
            throw new AccountException(null, "Two-factor sign-in is already on. Turn it off first to use another app.");
        }
        String secret = existing.map(TwoFactorRepository.Secret::secret).orElseGet(() -> {
            String fresh = TotpCodes.newSecret();
            twoFactor.savePending(user.userId(), fresh, clock.instant());
            return fresh;
        });
        return new Enrolment(secret, TotpCodes.otpauthUri(ISSUER, user.getUsername(), secret));
    }

    /**
     * Turns two-factor on once the app shows a right code, and returns ten recovery codes, shown
     * this once: only their hashes are kept.
     */
    @Transactional
    public List<String> confirmEnrolment(String code) {
        SignedInUser user = currentUser.require();
        TwoFactorRepository.Secret pending = twoFactor.findForUpdate(user.userId())
                .filter(s -> !s.confirmed())
                .orElseThrow(() -> new AccountException(null, "Start again: the setup was not found."));
        Instant now = clock.instant();
        OptionalLong step = TotpCodes.matchingStep(pending.secret(), code, now, 0);
        if (step.isEmpty()) {
            throw new AccountException("code", "That code is not right. Type the 6 digits the app shows for "
                    + "HomeStretch now. If it still fails, check that your phone's clock is set automatically.");
        }
        twoFactor.confirm(user.userId(), step.getAsLong(), now);
        log.info("Two-factor sign-in turned on by user {}", user.userId().value());
        return newRecoveryCodes(user.userId(), now);
    }

    /** Ten new recovery codes; the old ones stop working. */
    @Transactional
    public List<String> replaceRecoveryCodes() {
        SignedInUser user = currentUser.require();
        if (!status().enabled()) {
            throw new AccountException(null, "Turn on two-factor sign-in first.");
        }
        return newRecoveryCodes(user.userId(), clock.instant());
    }

    /** Turns two-factor off, with the password as proof; not while the clinic requires it. */
    @Transactional
    public void turnOff(String password) {
        SignedInUser user = currentUser.require();
        if (twoFactor.clinicRequires(user.clinicId())) {
            throw new AccountException(null, "Your clinic requires two-factor sign-in, so it stays on.");
        }
        String hash = passwords.findOwner(user.userId()).map(PasswordRepository.PasswordOwner::passwordHash)
                .orElseThrow(() -> new AccessDeniedException("Sign in first."));
        if (password == null || !encoder.matches(password, hash)) {
            throw new AccountException("password", "That is not your password.");
        }
        twoFactor.delete(user.userId());
        log.info("Two-factor sign-in turned off by user {}", user.userId().value());
    }

    /**
     * Checks the code typed after the password: a 6-digit app code (once only) or a recovery code
     * (used up). Five wrong codes in a row lock the second step for 15 minutes.
     *
     * @throws AccountException for field {@code code} when the code is wrong or the step is locked
     */
    @Transactional(noRollbackFor = AccountException.class)
    public SignInCode verifySignInCode(String typed) {
        SignedInUser user = currentUser.require();
        TwoFactorRepository.Secret secret = twoFactor.findForUpdate(user.userId()).filter(TwoFactorRepository.Secret::confirmed)
                .orElseThrow(() -> new AccountException(null, "Two-factor sign-in is not set up for this account."));
        Instant now = clock.instant();
        if (secret.lockedUntil() != null && now.isBefore(secret.lockedUntil())) {
            throw new AccountException("code", locked(now, secret.lockedUntil()));
        }
        OptionalLong step = TotpCodes.matchingStep(secret.secret(), typed, now, secret.lastStep());
        if (step.isPresent()) {
            twoFactor.accept(user.userId(), step.getAsLong());
            return new SignInCode(false, twoFactor.unusedRecoveryCodes(user.userId()));
        }
        Optional<String> recovery = RecoveryCodes.normalise(typed);
        if (recovery.isPresent() && twoFactor.useRecoveryCode(user.userId(), RecoveryCodes.hash(recovery.get()), now)) {
            twoFactor.accept(user.userId(), secret.lastStep());
            int left = twoFactor.unusedRecoveryCodes(user.userId());
            log.info("Recovery code used by user {}, {} left", user.userId().value(), left);
            return new SignInCode(true, left);
        }
        int failed = secret.failedCodes() + 1;
        if (failed >= MAX_WRONG_CODES) {
            Instant until = now.plus(LOCK);
            twoFactor.recordWrongCode(user.userId(), 0, until);
            log.warn("Second sign-in step locked for user {} after {} wrong codes", user.userId().value(), failed);
            throw new AccountException("code", locked(now, until));
        }
        twoFactor.recordWrongCode(user.userId(), failed, null);
        throw new AccountException("code", WRONG_CODE);
    }

    /** Whether another user of the admin's clinic has two-factor sign-in on. Admins only. */
    @Transactional(readOnly = true)
    public boolean isOnFor(UserId userId) {
        UserAccount user = userOfAdminsClinic(userId);
        return twoFactor.signInFacts(user.id()).map(TwoFactorRepository.SignInFacts::enrolled).orElse(false);
    }

    /**
     * For a user who lost both their phone and their recovery codes: turns their two-factor sign-in
     * off, so that they can sign in with their password (and set it up again, which their clinic may
     * require at once). Admins only, for another user of their clinic.
     */
    @Transactional
    public void turnOffFor(UserId userId) {
        UserAccount user = userOfAdminsClinic(userId);
        if (user.id().equals(currentUser.require().userId())) {
            throw new AccountException(null, "Use your own user menu for your own account.");
        }
        twoFactor.delete(user.id());
        log.info("Two-factor sign-in of user {} turned off by admin {}", user.id().value(),
                currentUser.require().userId().value());
    }

    private UserAccount userOfAdminsClinic(UserId userId) {
        SignedInUser admin = currentUser.require();
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change another user's sign-in.");
        }
        return accounts.findUser(admin.clinicId(), userId)
                .orElseThrow(() -> new AccountException(null, "That account no longer exists."));
    }

    /** Whether the admin's clinic requires two-factor sign-in of everyone. */
    @Transactional(readOnly = true)
    public boolean clinicRequiresTwoFactor() {
        return twoFactor.clinicRequires(currentUser.require().clinicId());
    }

    /**
     * Requires two-factor sign-in for everyone in the admin's clinic, or stops requiring it. Users
     * without it are sent to set it up at their next page. The admin needs it on first, so that
     * they are not the first one sent there.
     */
    @Transactional
    public void requireForClinic(boolean required) {
        SignedInUser admin = currentUser.require();
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change the clinic's sign-in rules.");
        }
        if (required && !status().enabled()) {
            throw new AccountException("requireTwoFactor", "Turn on two-factor sign-in for your own account first "
                    + "(your user menu, \"Two-factor sign-in\").");
        }
        twoFactor.setClinicRequires(admin.clinicId(), required);
        events.publishEvent(new SignInRuleChanged(required ? "two-factor sign-in required" : "two-factor sign-in not required"));
        log.info("Clinic {} two-factor requirement set to {} by user {}", admin.clinicId().value(), required,
                admin.userId().value());
    }

    private List<String> newRecoveryCodes(UserId userId, Instant now) {
        List<String> codes = RecoveryCodes.generate();
        twoFactor.replaceRecoveryCodes(userId, codes.stream()
                .map(code -> RecoveryCodes.hash(RecoveryCodes.normalise(code).orElseThrow())).toList(), now);
        return codes;
    }

    private static String locked(Instant now, Instant until) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return "Too many wrong codes. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}

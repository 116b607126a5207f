package org.homestretch.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Wraps the sign-in form's authentication with the limits of {@link SignInAttempts}:
 * <ol>
 * <li>a client that must wait is refused at once, before anything else is looked at;</li>
 * <li>a locked account is refused even with the right password, after the same password-hash
 * comparison a wrong password costs (against a dummy hash), so that neither the answer nor its
 * time tells a locked account from a wrong password or an unknown email;</li>
 * <li>otherwise Spring Security checks the password as before (for an unknown email it too
 * compares against a dummy hash), and the outcome is counted.</li>
 * </ol>
 * Every refusal is a {@link BadCredentialsException} or a {@link SignInDelayedException}, which the
 * login page shows with one message.
 */
final class SignInGuard implements AuthenticationManager {

    private final AuthenticationManager delegate;
    private final SignInAttempts attempts;
    private final PasswordEncoder passwordEncoder;
    private final Supplier<String> dummyHash;
    /** Null when nothing is told (unit tests of the limits alone). */
    private final SignInEvents events;

    SignInGuard(AuthenticationManager delegate, SignInAttempts attempts, PasswordEncoder passwordEncoder,
                Supplier<String> dummyHash) {
        this(delegate, attempts, passwordEncoder, dummyHash, null);
    }

    SignInGuard(AuthenticationManager delegate, SignInAttempts attempts, PasswordEncoder passwordEncoder,
                Supplier<String> dummyHash, SignInEvents events) {
        this.delegate = delegate;
        this.attempts = attempts;
        this.passwordEncoder = passwordEncoder;
        this.dummyHash = dummyHash;
        this.events = events;
    }

    /** A hash of a random password, made once, with the same algorithm and cost as real ones. */
    static Supplier<String> dummyHash(PasswordEncoder passwordEncoder) {
        return new Supplier<>() {
            private volatile String hash;

            @Override
            public String get() {
                String value = hash;
                if (value == null) {
                    value = passwordEncoder.encode(UUID.randomUUID().toString());
                    hash = value;
                }
                return value;
            }
        };
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return delegate.authenticate(authentication);
        }
        SignInAttempts.ClientClaim client = attempts.claimClient(ClientAddress.key(remoteAddress(authentication)));
        if (client.tooSoon()) {
            throw new SignInDelayedException(client.waitTime());
        }
        Optional<SignInAttempts.AccountClaim> account = attempts.claimAccount(String.valueOf(authentication.getName()));
        if (account.isPresent() && account.get().refused()) {
            passwordEncoder.matches(String.valueOf(authentication.getCredentials()), dummyHash.get());
            if (events != null) {
                events.refusedWhileLocked(account.get().userId());
            }
            throw new BadCredentialsException("Bad credentials");
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationException e) {
            account.ifPresent(attempts::accountFailed);
            if (events != null) {
                account.ifPresent(claim -> events.failed(claim.userId(), e, claim.number() >= SignInAttempts.ACCOUNT_FAILURES));
            }
            throw e;
        }
        account.ifPresent(attempts::accountSucceeded);
        attempts.clientSucceeded(client);
        if (events != null) {
            events.signedIn(result);
        }
        return result;
    }

    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}

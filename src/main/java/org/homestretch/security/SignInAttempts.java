package org.homestretch.security;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules for repeated sign-in failures, per account and per client address. Every attempt is
 * counted as a failure before its password is checked and given back when it succeeds: a burst
 * of parallel guesses then meets the limit as surely as guesses made one after another.
 * Nothing is kept in memory: the counters are rows in PostgreSQL.
 */
@Service
class SignInAttempts {

    /** Failures within {@link #ACCOUNT_WINDOW} of the first that lock an account. */
    static final int ACCOUNT_FAILURES = 7;
    static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);
    static final Duration ACCOUNT_LOCK = Duration.ofMinutes(15);
    /** Failures from one client after which each further attempt waits 2, 4, 8 ... seconds. */
    static final int CLIENT_FREE_FAILURES = 5;
    static final Duration CLIENT_MAX_WAIT = Duration.ofMinutes(15);
    /** Quiet time after which a client's failures are forgotten. */
    static final Duration CLIENT_QUIET = Duration.ofMinutes(15);
    /** Rows older than this are deleted: they no longer change any answer. */
    private static final Duration KEEP = Duration.ofDays(1);

    /** An attempt counted against an account; {@code refused} when it must not even be checked. */
    record AccountClaim(UserId userId, int number, boolean refused) {
    }

    /** An attempt counted against a client; {@code waitTime} is positive when it came too soon. */
    record ClientClaim(String client, Duration waitTime, Instant blockedUntil) {

        boolean tooSoon() {
            return waitTime.isPositive();
        }
    }

    private final SignInAttemptRepository repository;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignInAttempts(SignInAttemptRepository repository, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Counts an attempt from this client, unless it came before the client's wait was over: then
     * nothing is counted and the answer says how long is left.
     */
    ClientClaim claimClient(String client) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            SignInAttemptRepository.ClientRow row = repository.lockClient(client, now);
            if (row.blockedUntil() != null && row.blockedUntil().isAfter(now)) {
                return new ClientClaim(client, Duration.between(now, row.blockedUntil()), row.blockedUntil());
            }
            boolean quiet = !row.lastFailureAt().isAfter(now.minus(CLIENT_QUIET));
            int failures = quiet ? 1 : row.failures() + 1;
            Instant blockedUntil = failures >= CLIENT_FREE_FAILURES ? now.plus(waitAfter(failures)) : null;
            repository.updateClient(new SignInAttemptRepository.ClientRow(client, failures, now, blockedUntil));
            return new ClientClaim(client, Duration.ZERO, blockedUntil);
        });
    }

    /** The wait after this many failures in a row: 2 seconds after the 5th, doubling, at most 15 minutes. */
    static Duration waitAfter(int failures) {
        int doublings = failures - CLIENT_FREE_FAILURES + 1;
        if (doublings <= 0) {
            return Duration.ZERO;
        }
        if (doublings >= 20) {
            return CLIENT_MAX_WAIT;
        }
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(CLIENT_MAX_WAIT) > 0 ? CLIENT_MAX_WAIT : wait;
    }

    /** The attempt succeeded: it was no failure after all, and the wait it set is lifted. */
    void clientSucceeded(ClientClaim claim) {
        transactions.executeWithoutResult(status -> {
            SignInAttemptRepository.ClientRow row = repository.lockClient(claim.client(), clock.instant());
            Instant blockedUntil = row.blockedUntil() != null && row.blockedUntil().equals(claim.blockedUntil())
                    ? null : row.blockedUntil();
            repository.updateClient(new SignInAttemptRepository.ClientRow(claim.client(),
                    Math.max(0, row.failures() - 1), row.lastFailureAt(), blockedUntil));
        });
    }

    /** How long this client must still wait before its next attempt is looked at. */
    Duration waitFor(String client) {
        Instant now = clock.instant();
        return repository.findClientBlock(client).filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until)).orElse(Duration.ZERO);
    }

    /**
     * Counts an attempt on the account with this email. Empty for an email with no account (the
     * caller then checks the password against a dummy hash all the same). Refused while the account
     * is locked, or when this attempt is beyond the limit (parallel guesses).
     */
    Optional<AccountClaim> claimAccount(String email) {
        Instant now = clock.instant();
        return transactions.execute(status -> repository.findUserId(AccountRules.normaliseEmail(email))
                .map(userId -> {
                    SignInAttemptRepository.AccountRow row = repository.lockAccount(userId, now);
                    if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
                        return new AccountClaim(userId, row.failures(), true);
                    }
                    boolean fresh = row.lockedUntil() != null || !row.windowStart().isAfter(now.minus(ACCOUNT_WINDOW));
                    int failures = fresh ? 1 : row.failures() + 1;
                    repository.updateAccount(new SignInAttemptRepository.AccountRow(userId, failures,
                            fresh ? now : row.windowStart(), null));
                    return new AccountClaim(userId, failures, failures > ACCOUNT_FAILURES);
                }));
    }

    /** The checked attempt failed; the last one the limit allows locks the account. */
    void accountFailed(AccountClaim claim) {
        if (claim.number() < ACCOUNT_FAILURES) {
            return;
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            SignInAttemptRepository.AccountRow row = repository.lockAccount(claim.userId(), now);
            repository.updateAccount(new SignInAttemptRepository.AccountRow(claim.userId(), row.failures(), now,
                    now.plus(ACCOUNT_LOCK)));
        });
    }

    /** A successful sign-in forgets the account's failures, and any counters that no longer matter. */
    void accountSucceeded(AccountClaim claim) {
        repository.deleteAccount(claim.userId());
        repository.deleteStale(clock.instant().minus(KEEP));
    }
}

package org.homestretch.checkin;

import org.homestretch.security.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down guessing of access codes: after {@code limit} wrong codes within the window from
 * one client, or aimed at one code prefix from anywhere, further tries wait until enough of
 * those failures have left the window.
 * <p>
 * The failures are rows in PostgreSQL ({@code wrong_code_failure}), so every server counts the
 * same guesses and a restart forgives nothing. The client is counted by
 * {@link ClientAddress#key}: {@code ::1}, {@code 127.0.0.1} and every other loopback form are one
 * client, {@code ::ffff:192.0.2.1} is {@code 192.0.2.1}, and IPv6 counts per /64.
 */
@Component
class WrongCodeLimiter {

    private final WrongCodeRepository failures;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    WrongCodeLimiter(WrongCodeRepository failures, Clock clock,
                     @Value("${homestretch.checkin.wrong-code-limit:10}") int limit,
                     @Value("${homestretch.checkin.wrong-code-window:15m}") Duration window) {
        this.failures = failures;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /**
     * How long this client must wait before trying this code; empty when it may try now. Holds
     * a lock on both counters until the caller's transaction ends, so that parallel guesses
     * (from one server or several) are checked and counted one after the other.
     */
    @Transactional
    Optional<Duration> waitBefore(String clientAddress, String typedCode) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(clientAddress, typedCode)) {
            // Always client first, then prefix: one order for every caller, so no deadlock.
            failures.lock(key);
            // The failure whose expiry brings the count below the limit: the limit-th newest.
            Optional<Instant> pivot = failures.nthNewest(key, limit, now.minus(window), now);
            if (pivot.isPresent()) {
                Duration left = Duration.between(now, pivot.get().plus(window));
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts one wrong code against the client and the prefix, and forgets failures past the window. */
    @Transactional
    void failed(String clientAddress, String typedCode) {
        Instant now = clock.instant();
        for (String key : keys(clientAddress, typedCode)) {
            failures.add(key, now);
        }
        // Old rows hold client addresses and count for nothing: gone with the next wrong code.
        failures.deleteUpTo(now.minus(window));
    }
    /** The client, and the first four characters as typed (normalised), so one code cannot be hammered from many places. */
    static List<String> keys(String clientAddress, String typedCode) {
        String cleaned = typedCode == null ? "" : typedCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String prefix = cleaned.length() >= 4 ? cleaned.substring(0, 4) : cleaned;
        return List.of("addr:" + ClientAddress.key(clientAddress), "prefix:" + prefix);
    }
}

package org.homestretch.checkin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down guessing of access codes: after {@code limit} wrong codes within the window from
 * one client address, or aimed at one code prefix from anywhere, further tries wait until the
 * oldest failure leaves the window. Kept in memory: one clinic server, and a restart merely
 * forgives a few failures.
 */
@Component
class WrongCodeLimiter {

    /** Bounds memory under a flood of distinct addresses; the least recently failed key goes first. */
    private static final int MAX_KEYS = 50_000;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    WrongCodeLimiter(Clock clock,
                     @Value("${homestretch.checkin.wrong-code-limit:10}") int limit,
                     @Value("${homestretch.checkin.wrong-code-window:15m}") Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** How long this client must wait before trying this code; empty when it may try now. */
    synchronized Optional<Duration> waitBefore(String clientAddress, String typedCode) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(clientAddress, typedCode)) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            prune(times, now);
            if (times.size() >= limit) {
                Duration left = Duration.between(now, times.peekFirst().plus(window));
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    synchronized void failed(String clientAddress, String typedCode) {
        Instant now = clock.instant();
        for (String key : keys(clientAddress, typedCode)) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
    }

    /** The client, and the first four characters as typed (normalised), so one code cannot be hammered from many places. */
    private static String[] keys(String clientAddress, String typedCode) {
        String cleaned = typedCode == null ? "" : typedCode.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String prefix = cleaned.length() >= 4 ? cleaned.substring(0, 4) : cleaned;
        return new String[]{"addr:" + clientAddress, "prefix:" + prefix};
    }
}

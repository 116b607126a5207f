package org.homestretch.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * Phones posting check-ins one after another, each with a new idempotency key, as fast as the
 * server answers. A check-in that is not acknowledged is sent again with the same key until it
 * is, as a patient pressing "Try again" would; an acknowledged one is undone at once, so the
 * same session can be checked in again with the next key.
 */
final class KeyedStream {

    final Set<UUID> sent = ConcurrentHashMap.newKeySet();
    final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    /** Keys whose first post was not acknowledged and that were sent again. */
    final Set<UUID> resent = ConcurrentHashMap.newKeySet();
    final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger posts = new AtomicInteger();
    /** Resends answered "already saved": the first post was stored, but its answer never arrived. */
    final AtomicInteger savedBeforeAnswered = new AtomicInteger();
    /** Longest single wait for an answer while {@link #outage} is set. */
    final DoubleAccumulator longestOutageWait = new DoubleAccumulator(Math::max, 0);
    final AtomicBoolean outage = new AtomicBoolean();
    /** Check-in posts sent and not yet answered: the fault is timed to hit one of them. */
    final AtomicInteger checkInsInFlight = new AtomicInteger();

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    KeyedStream(List<Phone> phones) {
        for (Phone phone : phones) {
            threads.add(Thread.ofPlatform().name("phone-" + phone.programId).start(() -> run(phone)));
        }
    }

    /** Waits (briefly) until a check-in post is on its way, so that the fault cuts one off. */
    void awaitCheckInInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (checkInsInFlight.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Lets every phone finish the check-in it is on (sending it again until acknowledged), then stops. */
    void finish() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(120_000);
            if (thread.isAlive()) {
                thread.interrupt();
                problems.add(thread.getName() + " did not finish");
            }
        }
    }

    private void run(Phone phone) {
        try {
            while (!stopping.get()) {
                UUID key = UUID.randomUUID();
                sent.add(key);
                Phone.Answer answer = until(() -> phone.checkIn(key, "stream"), key);
                if (answer == null) {
                    return;
                }
                acknowledged.add(key);
                UUID entry = answer.entry();
                Phone.Answer undone = until(() -> phone.undo(entry), null);
                if (undone == null) {
                    return;
                }
            }
        } catch (Exception e) {
            problems.add(phone.programId + ": " + e);
        }
    }

    private interface Call {
        Phone.Answer send() throws Exception;
    }

    /**
     * Sends until the server says yes (a redirect); waits briefly between tries. A refusal
     * (4xx) is a failure of the test's own bookkeeping and stops this phone.
     */
    private Phone.Answer until(Call call, UUID key) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            if (attempt > 1 && key != null) {
                resent.add(key);
            }
            posts.incrementAndGet();
            Phone.Answer answer;
            if (key != null) {
                checkInsInFlight.incrementAndGet();
            }
            try {
                answer = call.send();
            } finally {
                if (key != null) {
                    checkInsInFlight.decrementAndGet();
                }
            }
            if (outage.get()) {
                longestOutageWait.accumulate(answer.seconds());
            }
            if (answer.status() == 302 || answer.status() == 303) {
                if (key != null && !answer.acknowledged()) {
                    problems.add("check-in " + key + " redirected to " + answer.location());
                    return null;
                }
                if (key != null && attempt > 1 && answer.location().contains("repeated=1")) {
                    savedBeforeAnswered.incrementAndGet();
                }
                return answer;
            }
            if (answer.status() != 0 && answer.status() != 503) {
                // A refusal means the test's bookkeeping is wrong; a 500 or a sign-in page, that the patient lost the form.
                problems.add("answered " + answer.status() + " (key " + key + ")");
                return null;
            }
            if (answer.status() == 503 && key != null && !answer.body().contains(key.toString())) {
                problems.add("503 without the key " + key);
            }
            // Not a wait for the server: the pause of a patient before pressing "Try again".
            Thread.sleep(100);
        }
        problems.add("no answer within 180 s (key " + key + ")");
        return null;
    }
}

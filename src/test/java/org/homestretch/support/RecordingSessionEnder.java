package org.homestretch.support;

import org.homestretch.security.SessionEnder;
import org.homestretch.security.UserId;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every request to end a user's sessions, in every test context (component scanning, as
 * {@link TestClockConfiguration}), so that tests see the password features ask for it.
 */
@Component
@Profile("test")
public class RecordingSessionEnder implements SessionEnder {

    /** One request: whose sessions, and which session stays (null: none). */
    public record Request(UserId userId, String keptSessionId) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    @Override
    public void endSessions(UserId userId, String keepSessionId) {
        requests.add(new Request(userId, keepSessionId));
    }

    public List<Request> requestsFor(UserId userId) {
        return requests.stream().filter(r -> Objects.equals(r.userId(), userId)).toList();
    }
}

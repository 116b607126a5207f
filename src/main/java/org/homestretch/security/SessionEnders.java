package org.homestretch.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Calls every {@link SessionEnder} bean there is; with none, nothing happens. */
@Component
class SessionEnders {

    private final ObjectProvider<SessionEnder> enders;

    SessionEnders(ObjectProvider<SessionEnder> enders) {
        this.enders = enders;
    }

    void endSessions(UserId userId, String keepSessionId) {
        enders.orderedStream().forEach(ender -> ender.endSessions(userId, keepSessionId));
    }
}

package org.homestretch.security;

import org.springframework.stereotype.Component;

/**
 * Plugs session revocation into the password features: a changed password ends the user's
 * other sessions and keeps the one that changed it; a used reset link ends them all.
 */
@Component
class RevokingSessionEnder implements SessionEnder {

    private final SessionRevocation revocation;
    private final CurrentUser currentUser;

    RevokingSessionEnder(SessionRevocation revocation, CurrentUser currentUser) {
        this.revocation = revocation;
        this.currentUser = currentUser;
    }

    @Override
    public void endSessions(UserId userId, String keepSessionId) {
        boolean ownChange = keepSessionId != null
                && currentUser.find().map(user -> user.userId().equals(userId)).orElse(false);
        if (ownChange) {
            revocation.endOtherSessionsOfCurrentUser();
        } else {
            revocation.endSessionsOf(userId);
        }
    }
}

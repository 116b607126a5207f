package org.homestretch.security;

/**
 * Ends a user's live sessions, so that the next request of each lands on the sign-in page. The
 * password features call it after a password change (every session but the one making the
 * change) and after a reset link is used (every session). Implement it as a bean to plug in
 * session revocation; every bean found is called, and none at all means nothing is ended.
 */
public interface SessionEnder {

    /**
     * @param keepSessionId the HTTP session id to leave alone (the one that changed the
     *                      password), or null to end them all
     */
    void endSessions(UserId userId, String keepSessionId);
}

package org.homestretch.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The signed-in therapist or admin, for services that must scope every query to their clinic.
 * Reads Spring Security's context, which Vaadin keeps bound to the UI's session.
 */
@Component
public class CurrentUser {

    public Optional<SignedInUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user, or an access-denied error when there is none (never a null clinic). */
    public SignedInUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("Sign in first."));
    }
}

package org.homestretch.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs work with no request behind it (demo seeding, the data generator) as an account of the
 * app, so it takes the same checked path through the services as that user would.
 */
@Component
public class AsAccount {

    private final UserDetailsService users;

    AsAccount(UserDetailsService users) {
        this.users = users;
    }

    public void run(String email, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            UserDetails user = users.loadUserByUsername(email);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

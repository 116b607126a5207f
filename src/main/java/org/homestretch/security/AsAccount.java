package org.homestretch.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Runs demo seeding as a demo account, so it takes the same checked path as a real user. */
@Component
@Profile("demo")
class DemoSignIn {

    private final UserDetailsService users;

    DemoSignIn(UserDetailsService users) {
        this.users = users;
    }

    void run(String email, Runnable work) {
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

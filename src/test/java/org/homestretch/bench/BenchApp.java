package org.homestretch.bench;

import org.homestretch.Application;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.function.Supplier;

/** The whole app for a bench case: started on a random port with a throw-away database, and run as a therapist. */
public final class BenchApp {

    private BenchApp() {
    }

    /** The app with the test profile (embedded PostgreSQL of its own), closed when the bench ends. */
    public static ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = SpringApplication.run(Application.class,
                "--spring.profiles.active=test", "--server.port=0", "--logging.level.root=warn");
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        return context;
    }

    /** The clinic's therapist as signed in, to run work as them with {@link #signedIn}. */
    public static Authentication therapist(ConfigurableApplicationContext context, TestAccounts clinic) {
        try {
            TestSignIn.as(context.getBean(UserDetailsService.class), clinic.therapistEmail);
            return SecurityContextHolder.getContext().getAuthentication();
        } finally {
            TestSignIn.out();
        }
    }

    /** Does the work as {@code who} on this thread, then signs out again. */
    public static byte[] signedIn(Authentication who, Supplier<byte[]> work) {
        SecurityContextHolder.getContext().setAuthentication(who);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

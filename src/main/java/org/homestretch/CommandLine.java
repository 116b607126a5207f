package org.homestretch;

import org.homestretch.audit.AuditVerifyCommand;
import org.homestretch.generator.DataGenerator;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Commands run instead of the server: {@code java -jar homestretch.jar audit-verify} and
 * {@code generate-data}. The app
 * starts without its web server and Vaadin, with the same database settings as the server, runs
 * the command and exits with its code.
 */
final class CommandLine {

    private CommandLine() {
    }

    // Only the command's own lines on the console (and errors): no start-up notices meant for a server.
    private static final Map<String, Object> DEFAULTS = Map.of("logging.level.root", "warn",
            "logging.level.org.homestretch", "error", "spring.main.lazy-initialization", "true",
            // Vaadin needs a servlet context; a command has none and needs no UI.
            "spring.autoconfigure.exclude", String.join(",", "com.vaadin.flow.spring.SpringBootAutoConfiguration",
                    "com.vaadin.flow.spring.SpringSecurityAutoConfiguration", "com.vaadin.flow.spring.VaadinScopesConfig"));

    static boolean isCommand(String[] args) {
        return args.length > 0 && (AuditVerifyCommand.ARGUMENT.equals(args[0]) || DataGenerator.ARGUMENT.equals(args[0]));
    }

    /** Runs the command named by the first argument; the rest are Spring settings (--spring.datasource.url=…). */
    static int run(String[] args, PrintStream out) {
        SpringApplication app = application();
        if (DataGenerator.ARGUMENT.equals(args[0])) {
            // Its bulk statements run for minutes; the server's 10 s read limit is for requests.
            Map<String, Object> settings = new java.util.HashMap<>(DEFAULTS);
            settings.put("homestretch.database.socket-timeout", "2h");
            app.setDefaultProperties(settings);
        }
        try (ConfigurableApplicationContext context = app.run(Arrays.copyOfRange(args, 1, args.length))) {
            return DataGenerator.ARGUMENT.equals(args[0])
                    ? context.getBean(DataGenerator.class).run(args, out)
                    : context.getBean(AuditVerifyCommand.class).run(out);
        }
    }

    static SpringApplication application() {
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(DEFAULTS);
        return app;
    }
}

package org.homestretch;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/homestretch.css")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (args.length > 0 && "restore".equals(args[0])) { // java -jar homestretch.jar restore <file>
            System.exit(org.homestretch.backup.RestoreCommand.run(args, System.out));
        }
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(args, System.out));
        }
        SpringApplication.run(Application.class, args);
    }

    /** The one source of "now": tests replace it to prove time-dependent rules. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}

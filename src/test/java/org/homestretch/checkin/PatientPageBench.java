package org.homestretch.checkin;

import org.homestretch.Application;
import org.homestretch.bench.Bench;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Bench cases for the patient's phone page (run by {@link Bench}, never by the test suite): one
 * {@code GET /p/today} with a patient's cookie through the whole running server (security chain,
 * session lookup, program and catalog reads, template), next to the server's cheapest answer
 * ({@code /actuator/health}) over the same connection. The page keeps no server state between
 * requests, so this time and the bytes are all an open patient page costs.
 */
public final class PatientPageBench {

    public static final String PAGE = "checkin: phone page GET /p/today";
    public static final String BASELINE = "baseline: GET /actuator/health";

    private PatientPageBench() {
    }

    public static List<Bench.Case> cases() {
        Server server = Server.get();
        return List.of(new Bench.Case(PAGE, () -> server.get("/p/today", server.cookie)),
                new Bench.Case(BASELINE, () -> server.get("/actuator/health", null)));
    }

    public static List<Bench.Ratio> ratios() {
        return List.of(new Bench.Ratio(PAGE, BASELINE));
    }

    /** The app on a random port with a throw-away database, one patient with a two-exercise program. */
    private static final class Server {
        private static Server instance;
        final ConfigurableApplicationContext context;
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        final String base;
        final String cookie;

        static synchronized Server get() {
            if (instance == null) {
                instance = new Server();
            }
            return instance;
        }

        private Server() {
            context = SpringApplication.run(Application.class, "--spring.profiles.active=test", "--server.port=0",
                    "--logging.level.root=warn");
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
            base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            TestAccounts clinic = new TestAccounts(context.getBean(ClinicProvisioning.class));
            TestSignIn.as(context.getBean(UserDetailsService.class), clinic.therapistEmail);
            String link;
            try {
                Patient patient = CheckinTestSupport.patientWithProgram(context.getBean(PatientService.class),
                        context.getBean(ProgramService.class), context.getBean(CatalogService.class), "Maria", "Bench");
                link = context.getBean(AccessService.class).ensure(patient.id()).orElseThrow().link();
            } finally {
                TestSignIn.out();
            }
            String setCookie = send(URI.create(link).getPath(), null).headers().firstValue("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
        }

        byte[] get(String path, String withCookie) {
            HttpResponse<byte[]> response = send(path, withCookie);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        }

        private HttpResponse<byte[]> send(String path, String withCookie) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (withCookie != null) {
                request.header("Cookie", withCookie);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

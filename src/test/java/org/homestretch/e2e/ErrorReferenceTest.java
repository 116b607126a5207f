package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.checkin.AccessService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unexpected error, forced by taking the check-ins table away for a moment: the phone page
 * and the therapist's page both show a short reference and no stack trace or exception name,
 * and the log holds the same reference with the exception's type.
 */
class ErrorReferenceTest extends EndToEndTest {

    private static final Pattern REFERENCE = Pattern.compile("reference (?:<strong>)?([a-z2-9]{8})");

    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    AccessService access;
    @Autowired
    JdbcClient database;

    @Test
    void the_phone_page_and_a_staff_page_show_a_reference_that_the_log_holds_and_no_stack_trace() throws Exception {
        String link;
        String patientId;
        TestSignIn.as(users, THERAPIST);
        try {
            Patient patient = patients.create(new PatientDetails("Ines", "Okafor", null, "", "", "en", null, ""));
            programs.publish(patient.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())));
            link = access.ensure(patient.id()).orElseThrow().link();
            patientId = patient.id().value().toString();
        } finally {
            TestSignIn.out();
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String setCookie = http.send(HttpRequest.newBuilder(URI.create(url(link.substring(link.indexOf("/p/"))))).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        signInAsTherapist();

        String phonePage;
        String notification;
        String viewPage;
        List<String> log;
        try (LogCapture capture = new LogCapture()) {
            database.sql("alter table checkin rename to checkin_away").update();
            try {
                phonePage = http.send(HttpRequest.newBuilder(URI.create(url("/p/today"))).header("Cookie", cookie).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                // The check-ins page opens, then its grid's query fails: Vaadin's error handler.
                browser.get(url("/patients/" + patientId + "/checkins"));
                notification = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//vaadin-notification-card[contains(., 'reference')]"))).getText();
                // The patient's page cannot even open: the error view.
                database.sql("alter table patient rename to patient_away").update();
                try {
                    browser.get(url("/patients/" + patientId));
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[normalize-space(.)='Something went wrong']")));
                    viewPage = browser.findElement(By.tagName("body")).getText();
                } finally {
                    database.sql("alter table patient_away rename to patient").update();
                }
            } finally {
                database.sql("alter table checkin_away rename to checkin").update();
            }
            log = capture.lines();
        }

        for (String page : List.of(phonePage, notification, viewPage)) {
            Matcher reference = REFERENCE.matcher(page);
            assertThat(reference.find()).as("a reference on the page").isTrue();
            assertThat(page).doesNotContain("Exception", "at org.", "at java.", "checkin_away", "SQL");
            String id = reference.group(1);
            assertThat(log).as("the log line with reference " + id)
                    .anySatisfy(line -> assertThat(line).contains("reference " + id, "Exception"));
        }
        assertThat(log).as("no stack trace, no exception message in the log")
                .noneMatch(line -> line.contains("reference") && line.contains("\n") || line.contains("does not exist"));
    }
}

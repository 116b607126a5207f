package org.homestretch.e2e;

import org.homestretch.patient.PatientQuery;
import org.homestretch.patient.PatientService;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handout link in the real server: Spring MVC behind Vaadin's servlet and the security chain,
 * reached from the program editor with the browser's own session.
 */
class HandoutEndToEndTest extends EndToEndTest {

    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;

    private String demoPatientId(String name) {
        TestSignIn.as(users, THERAPIST);
        try {
            return patients.search(new PatientQuery(name, false, false), 0, 1).getFirst().id().value().toString();
        } finally {
            TestSignIn.out();
        }
    }

    @Test
    void the_editors_print_link_serves_the_pdf_to_the_signed_in_therapist_and_sends_strangers_to_login()
            throws Exception {
        signInAsTherapist();
        // Maria Gonzalez is the demo patient whose program has several versions.
        browser.get(url("/patients/" + demoPatientId("Maria Gonzalez") + "/program"));
        WebElement link;
        try {
            link = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//a[starts-with(normalize-space(.), 'Print handout')]")));
        } finally {
            screenshot("handout-link");
        }
        String href = link.getDomProperty("href");
        assertThat(href).matches("http://localhost:\\d+/handouts/[0-9a-f-]{36}\\.pdf\\?largePrint=false&log=false");
        assertThat(link.getDomAttribute("target")).isEqualTo("_blank");

        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '
                    + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition') + ' '
                    + new TextDecoder('latin1').decode(new Uint8Array(b).slice(0, 5)))));""", href);
        assertThat((String) answer).matches("200 application/pdf inline; filename=\"handout-v\\d+\\.pdf\" %PDF-");

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(href)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(anonymous.body()).doesNotContain("Gonzalez");
    }
}

package org.homestretch.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome measures on a demo patient's adherence page, in Chromium, with a screenshot to look at. */
class OutcomeChartEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;

    UUID maria;

    @AfterEach
    void removeTheScores() {
        if (maria != null) {
            jdbc.sql("delete from outcome_score where patient_id = :p").param("p", maria).update();
        }
    }

    private void score(String measure, LocalDate day, List<String> labels, List<Integer> items) {
        UUID id = jdbc.sql("""
                        insert into outcome_score (clinic_id, patient_id, measure, taken_on, score, source, created_at)
                        select clinic_id, id, :measure, :day, :score, 'VISIT', now() from patient where id = :p
                        returning id""")
                .param("measure", measure).param("day", Date.valueOf(day)).param("p", maria)
                .param("score", items.stream().mapToInt(Integer::intValue).average().orElseThrow())
                .query(UUID.class).single();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("insert into outcome_item (score_id, position, label, score) values (:id, :pos, :label, :score)")
                    .param("id", id).param("pos", i + 1).param("label", labels.get(i)).param("score", items.get(i))
                    .update();
        }
    }

    @Test
    void each_measure_is_charted_with_its_change_in_words() throws Exception {
        // The demo clinic's Maria: other tests create patients of the same name in their own clinics.
        maria = jdbc.sql("""
                        select p.id from patient p join app_user u on u.clinic_id = p.clinic_id
                        where u.email = 'therapist@demo.homestretch.org'
                          and p.first_name = 'Maria' and p.last_name = 'Gonzalez'""")
                .query(UUID.class).single();
        LocalDate today = LocalDate.now();
        List<String> activities = List.of("Putting on socks", "Climbing stairs", "Sitting for an hour");
        score("PSFS", today.minusDays(42), activities, List.of(2, 3, 3));
        score("PSFS", today.minusDays(21), activities, List.of(4, 4, 3));
        score("PSFS", today.minusDays(2), activities, List.of(5, 6, 5));
        score("NPRS", today.minusDays(42), List.of("Pain"), List.of(6));
        score("NPRS", today.minusDays(21), List.of("Pain"), List.of(5));
        score("NPRS", today.minusDays(2), List.of("Pain"), List.of(5));

        signInAsTherapist();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/patients/" + maria + "/adherence"));
        WebElement section = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-outcomes")));
        assertThat(section.findElements(By.cssSelector(".hs-outcome-change"))).extracting(WebElement::getText)
                .hasSize(2)
                .satisfies(t -> assertThat(t.get(0)).startsWith("Better by 2.7 points since ")
                        .endsWith("(clinically important)"))
                .satisfies(t -> assertThat(t.get(1)).startsWith("Better by 1.0 point since ")
                        .endsWith("(not yet a clinically important change)"));
        assertThat(section.findElements(By.cssSelector("svg.hs-chart"))).hasSize(2);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", section);
        // The picture once the section has scrolled to the top.
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return Math.abs(arguments[0].getBoundingClientRect().top) < 80", section));
        screenshot("outcome-measures");

        click(button("Record PSFS"));
        // The last PSFS's activities are offered again.
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('vaadin-text-field')].map(f => f.value).join('|')"
                        + " === 'Putting on socks|Climbing stairs|Sitting for an hour||'"));
        screenshot("outcome-record-psfs");
    }
}

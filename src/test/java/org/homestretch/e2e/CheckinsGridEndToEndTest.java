package org.homestretch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The therapist's check-ins page on a tablet (820 px) and at 200 % zoom (410 px): the warning
 * signs are what must never need sideways scrolling to be seen.
 */
class CheckinsGridEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void warning_signs_stay_in_view_on_a_tablet_and_at_200_percent_zoom() throws Exception {
        // Peter Nowak (demo): pain going down a leg two days ago.
        UUID nowak = jdbc.sql("select p.id from patient p join app_user u on u.clinic_id = p.clinic_id"
                        + " where u.email = 'therapist@demo.homestretch.org' and p.first_name = 'Peter' and p.last_name = 'Nowak'")
                .query(UUID.class).single();
        signInAsTherapist();
        try {
            for (int width : new int[]{1280, 820, 410}) {
                browser.manage().window().setSize(new Dimension(width, 1000));
                browser.get(url("/patients/" + nowak + "/checkins"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"),
                        "Pain going down a leg"));
                @SuppressWarnings("unchecked")
                Map<String, Object> seen = (Map<String, Object>) browser.executeScript("""
                        const grid = document.querySelector('.hs-checkins vaadin-grid');
                        const header = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                            .find(c => c.textContent.trim() === 'Warning signs');
                        const badge = grid.querySelector('.hs-warning-badge');
                        const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right}; };
                        return {viewport: document.documentElement.clientWidth,
                                gridOverflow: grid.getAttribute('overflow') || '',
                                pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                                grid: box(grid), header: box(header), badge: badge && box(badge)};""");
                screenshot("checkins-" + width);
                double viewport = ((Number) seen.get("viewport")).doubleValue();
                // The grid marks "start" or "end" in its overflow attribute when it scrolls sideways.
                assertThat((String) seen.get("gridOverflow")).as("grid scrolls sideways at %d", width)
                        .doesNotContain("start").doesNotContain("end");
                assertThat(((Number) seen.get("pageOverflow")).intValue()).as("page scrolls sideways at %d", width)
                        .isLessThanOrEqualTo(0);
                for (String part : new String[]{"header", "badge"}) {
                    @SuppressWarnings("unchecked")
                    Map<String, Number> box = (Map<String, Number>) seen.get(part);
                    @SuppressWarnings("unchecked")
                    Map<String, Number> grid = (Map<String, Number>) seen.get("grid");
                    assertThat(box).as("%s at %d px", part, width).isNotNull();
                    assertThat(box.get("left").doubleValue()).as("%s left at %d", part, width)
                            .isGreaterThanOrEqualTo(Math.max(0, grid.get("left").doubleValue()) - 0.5);
                    assertThat(box.get("right").doubleValue()).as("%s right at %d", part, width)
                            .isLessThanOrEqualTo(Math.min(viewport, grid.get("right").doubleValue()) + 0.5);
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}

package org.homestretch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog in a real browser: the chair filter and a search by condition, as a therapist uses them. */
class CatalogSearchEndToEndTest extends EndToEndTest {

    @Test
    void the_chair_filter_and_a_search_for_sciatica_show_the_right_exercises_first() throws Exception {
        signInAsTherapist();
        browser.get(url("/catalog"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-result-count"), "exercises"));

        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select[.//label[normalize-space(.)='Position']]"))));
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='On a chair']"))));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".hs-result-count"), "9 exercises"));
        wait.until(d -> names().contains("Chair knee to chest"));
        // "9 exercises" above counts them all; the grid draws only the rows in view (figures make them tall).
        assertThat(names()).contains("Chair figure four", "Seated sciatic nerve glide").doesNotContain("Bridge", "Walking");
        screenshot("catalog-filter-chair");

        // Back to any position, then a condition word.
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select[.//label[normalize-space(.)='Position']]"))));
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='Any position']"))));
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".hs-search input")));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "sciatica");
        wait.until(d -> !names().isEmpty() && names().getFirst().contains("sciatic nerve glide"));
        assertThat(names().subList(0, 2)).allSatisfy(name -> assertThat(name).contains("sciatic nerve glide"));
        screenshot("catalog-search-sciatica");
    }

    /** Exercise names in the grid, top to bottom. */
    private static List<String> names() {
        List<WebElement> cells = browser.findElements(By.cssSelector("vaadin-grid-cell-content .hs-exercise-name"));
        return cells.stream()
                .sorted(java.util.Comparator.comparingInt(e -> e.getRect().getY()))
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }
}

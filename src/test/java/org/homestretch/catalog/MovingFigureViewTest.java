package org.homestretch.catalog;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.UI;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/** The exercise page plays a moving exercise's figure, with a still one for reduced motion. */
class MovingFigureViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    CatalogService catalog;
    @Autowired
    ExerciseFigures figures;

    @BeforeEach
    void signIn() {
        signInAs(new TestAccounts(provisioning).therapistEmail);
    }

    @Test
    void a_moving_exercise_page_plays_the_movement_at_the_exercises_own_hold() {
        UI.getCurrent().navigate("catalog/bridge");

        List<Div> shown = figuresOnPage();
        assertThat(shown).hasSize(1);
        Exercise bridge = catalog.find("bridge").orElseThrow();
        int hold = bridge.content().dosage().holdSeconds();
        String seconds = hold == 0 ? "5.5s" : (int) (5 + Math.min(hold, 5)) + "s";
        assertThat(shown.getFirst().getElement().getProperty("innerHTML")).contains("hs-figure-moving").contains("<animate")
                .contains("dur=\"" + seconds + "\"").contains("class=\"hs-still\"")
                .contains("prefers-reduced-motion:reduce").contains("aria-label=\"Bridge\"").doesNotContain("<script");
    }

    @Test
    void a_held_stretch_page_keeps_its_still_figure() {
        UI.getCurrent().navigate("catalog/plank");

        List<Div> shown = figuresOnPage();
        assertThat(shown).hasSize(1);
        assertThat(shown.getFirst().getElement().getProperty("innerHTML")).doesNotContain("<animate").doesNotContain("hs-figure-moving");
        assertThat(figures.movingSvg(catalog.find("plank").orElseThrow())).isEqualTo(figures.svg(catalog.find("plank").orElseThrow()));
    }

    @Test
    void a_clinic_exercise_that_borrows_a_moving_figure_moves_under_its_own_name() throws Exception {
        String name = "Slow bridge " + (System.nanoTime() % 100_000);
        Exercise own = catalog.create(CatalogTestSupport.validContent(name), "bridge");

        String svg = figures.movingSvg(own, 3).orElseThrow();
        assertThat(svg).contains("aria-label=\"" + name + "\"").contains("dur=\"8s\"");
        assertThat(figures.movingSvg(own.id(), 3)).contains(svg);
    }

    @Test
    void two_open_pages_of_the_same_exercise_share_one_copy_of_its_figure() {
        // Each open screen is kept in the server's memory; a figure is tens of KB.
        UI.getCurrent().navigate("catalog/bridge");
        String first = FigureHtml.markup(figuresOnPage().getFirst());
        UI.getCurrent().navigate("catalog");
        UI.getCurrent().navigate("catalog/bridge");
        String second = FigureHtml.markup(figuresOnPage().getFirst());

        assertThat(second).isEqualTo(first).isSameAs(first);
    }

    private static List<Div> figuresOnPage() {
        return _find(Div.class).stream().filter(h -> FigureHtml.markup(h).contains("<svg")).toList();
    }
}

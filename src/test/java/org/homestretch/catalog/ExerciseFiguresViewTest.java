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
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ExerciseFiguresViewTest extends KaribuTest {

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
    void the_detail_page_of_a_built_in_exercise_shows_its_figure_named_after_it() {
        UI.getCurrent().navigate("catalog/cat-camel");

        List<Div> shown = figuresOnPage();
        assertThat(shown).hasSize(1);
        assertThat(shown.getFirst().getElement().getProperty("innerHTML")).contains("role=\"img\"").contains("aria-label=\"Cat-camel\"")
                .contains("viewBox=");
    }

    @Test
    void every_built_in_exercise_has_a_figure_for_its_page() {
        List<Exercise> builtIns = catalog.search(new CatalogQuery("", Set.of(), null, Set.of(), false, null,
                CatalogQuery.Scope.BUILT_IN), 0, 100);
        assertThat(builtIns).hasSize(46);
        assertThat(builtIns).allSatisfy(e -> assertThat(figures.svg(e)).as(e.slug()).isPresent());
        assertThat(figures.svg(builtIns.getFirst().id())).isEqualTo(figures.svg(builtIns.getFirst()));
    }

    @Test
    void a_custom_exercise_can_show_the_figure_of_a_built_in_one() {
        UI.getCurrent().navigate("catalog/edit");
        ExerciseEditorView editor = _get(ExerciseEditorView.class);
        type(editor.name, "Slow cat stretch");
        type(editor.position, Position.HANDS_AND_KNEES);
        type(editor.bodyAreas, Set.of(BodyArea.LOWER_BACK));
        type(editor.steps, "Get on your hands and knees.\nRound your back slowly.\nLet it sink slowly.");
        assertThat(editor.figure.getGenericDataView().getItems()).contains("cat-camel");
        type(editor.figure, "cat-camel");
        assertThat(editor.figurePreview.getChildren()).hasSize(1);
        _click(editor.save);

        _get(ExerciseDetailView.class);
        Exercise saved = catalog.find(slugOfOpenPage()).orElseThrow();
        assertThat(saved.figure()).isEqualTo("cat-camel");
        List<Div> shown = figuresOnPage();
        assertThat(shown).hasSize(1);
        assertThat(shown.getFirst().getElement().getProperty("innerHTML")).contains("aria-label=\"Slow cat stretch\"");

        // Choosing "No figure" takes it away again.
        UI.getCurrent().navigate("catalog/edit/" + saved.slug());
        ExerciseEditorView again = _get(ExerciseEditorView.class);
        assertThat(again.figure.getValue()).isEqualTo("cat-camel");
        type(again.figure, null);
        _click(again.save);
        assertThat(catalog.find(saved.slug()).orElseThrow().figure()).isNull();
        assertThat(figuresOnPage()).isEmpty();
    }

    @Test
    void a_figure_the_catalog_does_not_have_is_refused() {
        ExerciseContent content = CatalogTestSupport.validContent("Wall lean");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.create(content, "no-such-figure"))
                .isInstanceOf(CatalogException.class);
    }

    private static String slugOfOpenPage() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath().replaceFirst("^catalog/", "");
    }

    private static List<Div> figuresOnPage() {
        return _find(Div.class).stream().filter(h -> FigureHtml.markup(h).contains("<svg")).toList();
    }
}

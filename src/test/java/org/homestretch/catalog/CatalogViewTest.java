package org.homestretch.catalog;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    BuiltInCatalog builtIn;

    TestAccounts clinic;

    @BeforeEach
    void signInAsTherapist() {
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
    }

    @Test
    void lists_the_whole_catalog_and_narrows_it_as_the_therapist_types() throws Exception {
        UI.getCurrent().navigate("catalog");
        CatalogView view = _get(CatalogView.class);
        assertThat(_size(view.grid)).isEqualTo(builtIn.load().size());
        assertThat(view.resultCount.getText()).isEqualTo(builtIn.load().size() + " exercises");

        type(view.search, "knee hug");

        assertThat(names(view, 3)).contains("Knee to chest");
        assertThat(_size(view.grid)).isLessThan(builtIn.load().size());

        type(view.inBed, true);
        type(view.bodyAreas, java.util.Set.of(BodyArea.LOWER_BACK));
        assertThat(IntStream.range(0, _size(view.grid)).mapToObj(i -> _get(view.grid, i)))
                .allSatisfy(e -> assertThat(e.content().inBed()).isTrue());
    }

    @Test
    void a_search_that_finds_nothing_says_so_and_the_message_goes_when_results_return() throws Exception {
        UI.getCurrent().navigate("catalog");
        CatalogView view = _get(CatalogView.class);
        MockVaadin.clientRoundtrip(false);
        assertThat(view.noResult.isVisible()).isFalse();

        type(view.search, "qzxwv");
        MockVaadin.clientRoundtrip(false);

        assertThat(view.resultCount.getText()).isEqualTo("0 exercises");
        assertThat(view.noResult.isVisible()).isTrue();
        assertThat(view.noResult.getText()).isEqualTo(
                "No exercise matches \"qzxwv\". Check the spelling, try another word, or clear the filters.");

        type(view.search, "");
        MockVaadin.clientRoundtrip(false);
        assertThat(view.noResult.isVisible()).isFalse();
        assertThat(view.resultCount.getText()).isEqualTo(builtIn.load().size() + " exercises");

        type(view.scope, CatalogQuery.Scope.FAVOURITES); // a new therapist has starred nothing
        MockVaadin.clientRoundtrip(false);
        assertThat(view.noResult.isVisible()).isTrue();
        assertThat(view.noResult.getText()).startsWith("No exercise matches these filters.");
    }

    @Test
    void detail_page_shows_steps_dosage_and_sources() {
        UI.getCurrent().navigate("catalog/knee-to-chest");

        _assertOne(ExerciseDetailView.class);
        assertThat(_find(ListItem.class)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(_get(ExerciseDetailView.class).getElement().getTextRecursively())
                .contains("Default dosage").contains("Sources").contains("Source article 004_cbc88ff2fe6c04cc.txt")
                .contains("Stop and tell your therapist if");
    }

    @Test
    void a_public_source_is_a_link_that_opens_in_a_new_tab() {
        UI.getCurrent().navigate("catalog/walking");

        List<Anchor> links = _find(Anchor.class).stream().filter(a -> a.getHref().startsWith("https://")).toList();
        assertThat(links).extracting(Anchor::getText).contains("NHS, Walking for health");
        assertThat(links).extracting(Anchor::getHref).contains("https://www.nhs.uk/live-well/exercise/walking-for-health/");
        assertThat(links).allSatisfy(a -> {
            assertThat(a.getTarget()).contains("_blank");
            assertThat(a.getElement().getAttribute("rel")).contains("noopener");
        });
        assertThat(_get(ExerciseDetailView.class).getElement().getTextRecursively())
                .contains("Keep going for 10 minutes. Once a day. Every day.");
    }

    @Test
    void editor_shows_each_problem_next_to_its_field_and_keeps_the_input() {
        UI.getCurrent().navigate("catalog/edit");
        ExerciseEditorView editor = _get(ExerciseEditorView.class);

        type(editor.name, "ab");
        type(editor.steps, "");
        type(editor.sets, 0);
        type(editor.holdSeconds, 301);
        _click(editor.save);

        assertThat(editor.name.isInvalid()).isTrue();
        assertThat(editor.name.getErrorMessage()).isEqualTo("Use 3 to 120 characters.");
        assertThat(editor.steps.isInvalid()).isTrue();
        assertThat(editor.sets.isInvalid()).isTrue();
        assertThat(editor.sets.getErrorMessage()).isEqualTo("Sets must be between 1 and 10.");
        assertThat(editor.holdSeconds.getErrorMessage()).isEqualTo("Hold must be between 0 and 300.");
        assertThat(editor.position.isInvalid()).isTrue();
        assertThat(editor.name.getValue()).isEqualTo("ab");
        _assertOne(ExerciseEditorView.class);
    }

    @Test
    void a_new_exercise_is_saved_and_opens_on_its_detail_page() {
        UI.getCurrent().navigate("catalog/edit");
        ExerciseEditorView editor = _get(ExerciseEditorView.class);
        type(editor.name, "Seated reach");
        type(editor.position, Position.SITTING);
        type(editor.bodyAreas, java.util.Set.of(BodyArea.LOWER_BACK));
        type(editor.steps, "Sit tall on a chair.\nReach your hands to the floor.\nCome back up slowly.");
        type(editor.holdSeconds, 10);
        _click(editor.save);

        _assertOne(ExerciseDetailView.class);
        assertThat(_find(ListItem.class)).extracting(ListItem::getText)
                .contains("Sit tall on a chair.", "Reach your hands to the floor.");
    }

    @Test
    void a_new_held_stretch_starts_at_three_holds_not_ten_repetitions() {
        UI.getCurrent().navigate("catalog/edit");
        ExerciseEditorView editor = _get(ExerciseEditorView.class);
        assertThat(editor.repetitions.getValue()).isEqualTo(10);
        assertThat(editor.holdSeconds.getValue()).isZero();

        type(editor.name, "Seated side stretch");
        type(editor.position, Position.SITTING);
        type(editor.bodyAreas, java.util.Set.of(BodyArea.LOWER_BACK));
        type(editor.steps, "Sit tall on a chair.\nLean to one side.\nCome back up slowly.");
        type(editor.holdSeconds, 30);
        assertThat(editor.repetitions.getValue()).isEqualTo(3);
        _click(editor.save);

        _assertOne(ExerciseDetailView.class);
        String slug = UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("catalog/", "");
        Dosage stored = context.getBean(CatalogService.class).find(slug).orElseThrow().content().dosage();
        assertThat(stored.repetitions()).isEqualTo(3);
        assertThat(stored.holdSeconds()).isEqualTo(30);
        assertThat(stored.summary()).isEqualTo("3 times, hold 30 s, once a day");
    }

    @Test
    void a_number_of_repetitions_the_therapist_typed_is_never_changed_by_the_hold() {
        UI.getCurrent().navigate("catalog/edit");
        ExerciseEditorView editor = _get(ExerciseEditorView.class);

        type(editor.repetitions, 12);
        type(editor.holdSeconds, 5);
        assertThat(editor.repetitions.getValue()).isEqualTo(12);

        type(editor.repetitions, 3);
        type(editor.holdSeconds, 0);
        assertThat(editor.repetitions.getValue()).isEqualTo(10); // back to a moving exercise's default
        type(editor.repetitions, 8);
        type(editor.holdSeconds, 20);
        assertThat(editor.repetitions.getValue()).isEqualTo(8);
    }

    @Test
    void leaving_the_editor_with_unsaved_changes_asks_first() {
        UI.getCurrent().navigate("catalog/edit");
        ExerciseEditorView editor = _get(ExerciseEditorView.class);
        type(editor.name, "Half-written exercise");

        UI.getCurrent().navigate("catalog");

        _assertOne(ConfirmDialog.class);
        _assertOne(ExerciseEditorView.class);
        assertThat(editor.name.getValue()).isEqualTo("Half-written exercise");
    }

    @Test
    void another_clinics_exercise_cannot_be_opened() {
        TestAccounts other = new TestAccounts(provisioning);
        signInAs(other.therapistEmail);
        UI.getCurrent().navigate("catalog/edit");
        ExerciseEditorView editor = _get(ExerciseEditorView.class);
        type(editor.name, "Other clinic secret");
        type(editor.position, Position.STANDING);
        type(editor.bodyAreas, java.util.Set.of(BodyArea.HIPS));
        type(editor.steps, "Stand up.\nSit down.\nStand up again.");
        _click(editor.save);
        String slug = UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("catalog/", "");

        signInAs(clinic.therapistEmail);
        UI.getCurrent().navigate("catalog");
        UI.getCurrent().navigate("catalog/" + slug);
        _assertOne(org.homestretch.base.NotFoundView.class);
        _assertNone(ExerciseDetailView.class);
        UI.getCurrent().navigate("catalog/edit/" + slug);
        _assertOne(org.homestretch.base.NotFoundView.class);
        _assertNone(ExerciseEditorView.class);
    }

    private static List<String> names(CatalogView view, int count) {
        return IntStream.range(0, Math.min(count, _size(view.grid))).mapToObj(i -> _get(view.grid, i).name()).toList();
    }
}

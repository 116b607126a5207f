package org.homestretch.catalog;

import org.homestretch.catalog.transfer.ImportReport;
import org.homestretch.catalog.transfer.CatalogTransfer;
import org.homestretch.catalog.transfer.ImportPreview;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.HostileCorpus;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus through the exercise editor (a sample per field), the catalog's
 * search box and a catalog import file holding the whole corpus: stored exactly or refused
 * with a message, and nothing fails.
 */
class CatalogHostileInputTest extends KaribuTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    CatalogService catalog;
    @Autowired
    CatalogTransfer transfer;

    @BeforeEach
    void signInAsTherapist() {
        signInAs(new TestAccounts(provisioning).therapistEmail);
    }

    @Test
    void each_editor_field_stores_exactly_or_refuses_next_to_the_field() {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("exercise editor");
        List<String> fields = List.of("name", "purpose", "aliases", "steps", "tips", "stopIf");
        List<String> sample = HostileCorpus.sample(6, 2);
        for (int i = 0; i < sample.size(); i++) {
            editor(tally, fields.get(i % fields.size()), sample.get(i));
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
    }

    @Test
    void the_catalog_search_box_takes_every_entry_without_failing() {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("catalog search");
        UI.getCurrent().navigate("catalog");
        CatalogView view = _get(CatalogView.class);
        for (String entry : HostileCorpus.sample(4, 0)) {
            try {
                type(view.search, entry);
                _size(view.grid);
                tally.stored("catalog search");
            } catch (RuntimeException e) {
                tally.failed("catalog search", entry, e.getClass().getSimpleName());
            }
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
    }

    @Test
    void an_import_file_holding_the_corpus_adds_each_exercise_exactly_or_refuses_it_with_a_reason() {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("catalog import");
        List<String> corpus = HostileCorpus.strings();
        ObjectNode file = JSON.createObjectNode().put("format", CatalogTransfer.FORMAT).put("version", CatalogTransfer.VERSION);
        ArrayNode exercises = file.putArray("exercises");
        for (int i = 0; i < corpus.size(); i++) {
            ObjectNode e = exercises.addObject().put("name", "Hostile " + i).put("purpose", corpus.get(i))
                    .put("position", "STANDING").put("bestTime", "ANY");
            e.putArray("bodyAreas").add("LOWER_BACK");
            e.set("dosage", JSON.valueToTree(new Dosage(1, 10, 0, Sides.BOTH_TOGETHER, 1, 7)));
            e.putArray("steps").add("Stand tall.").add(corpus.get(i));
            if (i % 10 == 0) {
                e.put("slug", corpus.get(i)); // an address made of hostile text
            }
        }
        // As a file on disk: UTF-8, in which half an emoji cannot be written.
        byte[] bytes = JSON.writeValueAsString(file).getBytes(StandardCharsets.UTF_8);

        ImportPreview preview = transfer.preview(bytes);
        ImportReport report = transfer.apply(bytes);

        Map<String, List<Exercise>> imported = catalog.search(new CatalogQuery("", null, null, null, false, null,
                CatalogQuery.Scope.CUSTOM), 0, 10_000).stream().collect(Collectors.groupingBy(Exercise::name));
        for (int i = 0; i < corpus.size(); i++) {
            String sent = new String(corpus.get(i).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).strip();
            String name = "Hostile " + i;
            List<Exercise> found = imported.getOrDefault(name, List.of());
            ImportPreview.Line line = preview.lines().get(i);
            if (found.size() == 1 && found.getFirst().content().purpose().equals(sent)
                    && (sent.isEmpty() || found.getFirst().content().steps().contains(sent))) {
                tally.stored("import purpose+steps");
            } else if (found.isEmpty() && line.action() == ImportPreview.Action.REFUSE && !line.details().isEmpty()) {
                tally.refused("import purpose+steps");
            } else {
                tally.failed("import purpose+steps", corpus.get(i), "neither imported exactly nor refused with a reason");
            }
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
        assertThat(report.added() + report.refused()).isEqualTo(corpus.size());
    }

    private void editor(HostileCorpus.Tally tally, String field, String entry) {
        UI.getCurrent().navigate("catalog/edit");
        ExerciseEditorView editor = _get(ExerciseEditorView.class);
        type(editor.name, "Hostile stretch " + System.nanoTime());
        type(editor.position, Position.SITTING);
        type(editor.bodyAreas, java.util.Set.of(BodyArea.LOWER_BACK));
        type(editor.steps, "Sit tall on a chair.");
        var target = switch (field) {
            case "name" -> editor.name;
            case "purpose" -> editor.purpose;
            case "aliases" -> editor.aliases;
            case "steps" -> editor.steps;
            case "tips" -> editor.tips;
            default -> editor.stopIf;
        };
        try {
            type(target, entry);
            _click(editor.save);
        } catch (RuntimeException e) {
            tally.failed(field, entry, e.getClass().getSimpleName());
            return;
        }
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        if (path.startsWith("catalog/") && !path.equals("catalog/edit")) {
            ExerciseContent c = catalog.find(path.substring("catalog/".length())).orElseThrow().content();
            String stored = switch (field) {
                case "name" -> c.name();
                case "purpose" -> c.purpose();
                case "aliases" -> String.join("\n", c.aliases());
                case "steps" -> String.join("\n", c.steps());
                case "tips" -> String.join("\n", c.tips());
                default -> String.join("\n", c.stopIf());
            };
            String expected = target instanceof TextArea
                    ? String.join("\n", Arrays.stream(entry.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList())
                    : entry.strip();
            if (stored.equals(expected)) {
                tally.stored(field);
            } else {
                tally.failed(field, entry, "stored as " + HostileCorpus.describe(stored));
            }
        } else if (target.isInvalid() && target.getErrorMessage() != null && !target.getErrorMessage().isBlank()
                && target.getValue().equals(entry)) {
            tally.refused(field);
            // Save a fine value, so that the unsaved edits do not hold the next visit to the editor.
            type(target, field.equals("name") ? "Hostile stretch " + System.nanoTime()
                    : field.equals("steps") ? "Sit tall on a chair." : "");
            _click(editor.save);
        } else {
            tally.failed(field, entry, "neither saved nor refused next to the field");
        }
    }
}

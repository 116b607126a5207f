package org.homestretch.catalog.transfer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.homestretch.catalog.CatalogQuery;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.CatalogView;
import org.homestretch.catalog.Exercise;
import com.vaadin.flow.component.UI;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.homestretch.catalog.CatalogTestSupport.validContent;

class ImportExportDialogTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    CatalogService catalog;

    @Test
    void exports_from_one_clinic_and_imports_into_another_after_showing_the_preview() {
        TestAccounts source = new TestAccounts(provisioning);
        signInAs(source.therapistEmail);
        catalog.create(validContent("Wall slide"));
        catalog.create(validContent("Door frame stretch"));
        ImportExportDialog sourceDialog = openDialog();
        byte[] file = _download(sourceDialog.download);
        assertThat(JsonMapper.builder().build().readTree(file).path("exercises")).hasSize(2);
        sourceDialog.close();

        TestAccounts target = new TestAccounts(provisioning);
        signInAs(target.therapistEmail);
        ImportExportDialog dialog = openDialog();
        _get(CatalogView.class);
        Grid<?> grid = _get(Grid.class);
        int before = _size(grid);

        _upload(dialog.upload, "homestretch-exercises.json", "application/json", file);

        assertThat(dialog.summary.getText()).isEqualTo("2 to add, 0 to update, 0 unchanged, 0 refused.");
        assertThat(dialog.shownLines()).containsExactly("Add: Door frame stretch", "Add: Wall slide");
        assertThat(dialog.importButton.getText()).isEqualTo("Import 2 exercises");
        assertThat(catalog.count(CatalogQuery.all())).as("the preview writes nothing").isEqualTo(before);

        AtomicBoolean gridRefreshed = new AtomicBoolean();
        grid.getDataProvider().addDataProviderListener(change -> gridRefreshed.set(true));
        _click(dialog.importButton);

        assertThat(dialog.summary.getText()).isEqualTo("Imported. 2 added, 0 updated, 0 unchanged, 0 refused.");
        assertThat(dialog.shownLines()).containsExactly("Added: Door frame stretch", "Added: Wall slide");
        assertThat(dialog.importButton.isVisible()).isFalse();
        assertThat(gridRefreshed).as("the catalog behind the dialog is refreshed").isTrue();
        assertThat(_size(grid)).isEqualTo(before + 2);
    }

    @Test
    void a_file_that_is_not_an_export_shows_why_in_the_dialog() {
        signInAs(new TestAccounts(provisioning).therapistEmail);
        ImportExportDialog dialog = openDialog();

        _upload(dialog.upload, "notes.json", "application/json",
                "Our favourite stretches: wall slide".getBytes(StandardCharsets.UTF_8));

        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).contains("not valid JSON");
        assertThat(dialog.shownLines()).isEmpty();
        assertThat(dialog.importButton.isVisible()).isFalse();
    }

    @Test
    void a_file_of_too_many_exercises_or_too_many_bytes_shows_why_in_the_dialog() {
        signInAs(new TestAccounts(provisioning).therapistEmail);
        ImportExportDialog dialog = openDialog();
        StringBuilder json = new StringBuilder("{\"format\": \"homestretch-exercises\", \"version\": 1, \"exercises\": [");
        for (int i = 0; i < 2_001; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\": \"Exercise ").append(i).append("\"}");
        }
        json.append("]}");

        _upload(dialog.upload, "exercises.json", "application/json", json.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).isEqualTo("The file holds 2,001 exercises, but one import takes at most "
                + "2,000. Check that you chose the right file, or ask for it to be split into smaller files.");
        assertThat(dialog.shownLines()).isEmpty();
        assertThat(dialog.importButton.isVisible()).isFalse();

        byte[] big = new byte[CatalogTransfer.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        _upload(dialog.upload, "exercises.json", "application/json", big);

        assertThat(dialog.error.getText()).startsWith("The file is larger than 10 MB");
        assertThat(dialog.importButton.isVisible()).isFalse();
    }

    private static ImportExportDialog openDialog() {
        UI.getCurrent().navigate("catalog");
        _click(_get(Button.class, spec -> spec.withText("Import / export")));
        return _get(ImportExportDialog.class);
    }
}

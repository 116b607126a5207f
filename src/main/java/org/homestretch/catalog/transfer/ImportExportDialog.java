package org.homestretch.catalog.transfer;

import org.homestretch.catalog.CatalogException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Export of the clinic's own exercises to a file, and import of such a file: upload, read the
 * preview, then import. Every refusal is shown in the dialog.
 */
public class ImportExportDialog extends Dialog {

    private final CatalogTransfer transfer;
    private final Runnable onImported;
    /** The previewed file, kept until it is imported or another one is chosen. */
    private byte[] file;

    final Anchor download;
    final Upload upload = new Upload();
    final Div error = new Div();
    final Paragraph summary = new Paragraph();
    final UnorderedList lines = new UnorderedList();
    final Button importButton = new Button();

    public ImportExportDialog(CatalogTransfer transfer, Runnable onImported) {
        this.transfer = transfer;
        this.onImported = onImported;
        setHeaderTitle("Import / export");
        addClassName("hs-transfer-dialog");
        setWidth("40rem");

        // Made when the link is followed, so that the file holds what is in the catalog at that moment.
        download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] json = transfer.exportJson().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(json), transfer.exportFileName(),
                    "application/json", json.length);
        }), AttachmentType.DOWNLOAD, "Download exercises");
        download.addClassName("hs-transfer-download");

        upload.setUploadHandler(limitedTo(CatalogTransfer.MAX_BYTES));
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CatalogTransfer.MAX_BYTES);
        upload.addFileRejectedListener(rejected -> showError(rejected.getErrorMessage()
                + " Choose a .json file of at most 10 MB made with \"Download exercises\"."));

        error.addClassName("hs-form-error");
        error.setVisible(false);
        summary.addClassName("hs-transfer-summary");
        lines.addClassName("hs-transfer-lines");
        importButton.addThemeVariants(ButtonVariant.PRIMARY);
        importButton.setVisible(false);
        importButton.addClickListener(click -> importFile());

        add(new H3("Export"),
                new Paragraph("Your clinic's own exercises, archived ones included, in one file. "
                        + "Built-in exercises are not in it: every HomeStretch has them."),
                download,
                new H3("Import"),
                new Paragraph("A file made with \"Download exercises\", here or on another HomeStretch. "
                        + "You see what would change before anything is saved."),
                upload, error, summary, lines, importButton);
        getFooter().add(new Button("Close", VaadinIcon.CLOSE_SMALL.create(), click -> close()));
    }

    /** Shows what importing this file would do. */
    void preview(byte[] bytes) {
        clear();
        try {
            ImportPreview preview = transfer.preview(bytes);
            file = bytes;
            summary.setText(preview.summary());
            preview.lines().forEach(line -> show(line.text(), line.action().name()));
            int count = preview.toImport();
            importButton.setText(count == 1 ? "Import 1 exercise" : "Import " + count + " exercises");
            importButton.setVisible(count > 0);
        } catch (CatalogException e) {
            showError(e.getMessage());
        }
    }

    private void importFile() {
        byte[] bytes = file;
        if (bytes == null) {
            return;
        }
        clear();
        try {
            ImportReport report = transfer.apply(bytes);
            summary.setText("Imported. " + report.summary());
            report.lines().forEach(line -> show(line, line.substring(0, line.indexOf(':'))));
            onImported.run();
        } catch (CatalogException e) {
            showError(e.getMessage());
        }
    }

    private void show(String text, String kind) {
        ListItem item = new ListItem(text);
        item.addClassName("hs-transfer-" + kind.toLowerCase(Locale.ROOT));
        lines.add(item);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void clear() {
        file = null;
        error.setVisible(false);
        summary.setText("");
        lines.removeAll();
        importButton.setVisible(false);
    }

    /**
     * Reads at most {@code max + 1} bytes, so that an oversized upload can't fill the server's
     * memory; the preview then refuses it as too large.
     */
    private UploadHandler limitedTo(int max) {
        return event -> {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(max + 1);
            }
            event.getUI().access(() -> {
                upload.clearFileList();
                preview(bytes);
            });
        };
    }

    List<String> shownLines() {
        return lines.getChildren().map(c -> c.getElement().getText()).toList();
    }
}

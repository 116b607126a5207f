package org.homestretch.clinic;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.homestretch.image.ImageException;

import java.io.IOException;
import java.io.InputStream;

/** Upload or remove the clinic logo printed at the top of handouts. */
class LogoField extends Div {

    final Upload upload = new Upload();
    final Div error = new Div();
    final Span status = new Span();
    final Button remove = new Button("Remove logo");
    private final ClinicLogos logos;

    LogoField(ClinicLogos logos) {
        this.logos = logos;
        addClassName("hs-logo-field");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ClinicLogos.MAX_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Choose a logo…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("or drop it here"));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(ClinicLogos.LOGO.tooBig())
                .setIncorrectFileType("Choose a PNG or JPEG picture.")
                .setTooManyFiles("Choose one picture."));
        upload.setI18n(i18n);
        upload.setUploadHandler(new LogoUpload());
        upload.addFileRejectedListener(e -> showResult(e.getErrorMessage()));
        error.addClassName("hs-form-error");
        error.setVisible(false);
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.addClickListener(click -> {
            logos.remove();
            refresh();
        });
        add(new H3("Logo"), new Paragraph("PNG or JPEG, up to 1 MB. It prints at the top of every handout."),
                status, upload, error, remove);
        refresh();
    }

    void showResult(String problem) {
        // The upload takes one file at a time: a file left in its list, refused or stored, would
        // make it refuse the next one with "Too Many Files". The result shows below instead.
        upload.clearFileList();
        error.setText(problem == null ? "" : problem);
        error.setVisible(problem != null);
        refresh();
    }

    private void refresh() {
        boolean present = logos.find().isPresent();
        status.setText(present ? "A logo is set." : "No logo yet.");
        remove.setVisible(present);
    }

    /** Checks run on the upload request, outside the UI lock; only the result goes back to the page. */
    private final class LogoUpload implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(ClinicLogos.MAX_BYTES + 1);
            }
            String problem = null;
            try {
                logos.upload(bytes);
            } catch (ImageException e) {
                problem = e.getMessage();
                event.reject(problem);
            }
            String result = problem;
            event.getUI().access(() -> showResult(result));
        }

        @Override
        public long getRequestSizeMax() {
            return 2L * ClinicLogos.MAX_BYTES;
        }

        @Override
        public long getFileSizeMax() {
            return 2L * ClinicLogos.MAX_BYTES;
        }

        @Override
        public long getFileCountMax() {
            return 1;
        }
    }
}

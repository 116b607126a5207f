package org.homestretch.catalog.photo;

import org.homestretch.catalog.CatalogException;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.IOException;
import java.io.InputStream;

/**
 * The editor's photo section: upload, preview and removal of a custom exercise's photo.
 * A refused file leaves a message under the upload and the page keeps working.
 */
public class PhotoField extends Div {

    static final String SAVE_FIRST = "Save the exercise first, then add a photo.";
    // Room above the 5 MB rule so that a slightly larger file gets the service's message; the
    // browser already refuses anything over 5 MB, so only a hand-made request reaches this.
    private static final long REQUEST_LIMIT = ExercisePhotos.PHOTO.maxBytes() + 1024 * 1024;

    final Paragraph hint = new Paragraph(SAVE_FIRST);
    final Div preview = new Div();
    final Upload upload = new Upload();
    final Div error = new Div();
    final Button remove = new Button("Remove photo", VaadinIcon.TRASH.create());

    private final ExercisePhotos photos;
    private Exercise exercise;

    public PhotoField(ExercisePhotos photos) {
        this.photos = photos;
        addClassName("hs-photo-field");
        hint.addClassName("hs-photo-hint");
        preview.addClassName("hs-photo-preview");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ExercisePhotos.PHOTO.maxBytes());
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Choose a photo…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("or drop it here (PNG, JPEG or WebP, up to 5 MB)"));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(ExercisePhotos.PHOTO.tooBig())
                .setIncorrectFileType(ExercisePhotos.PHOTO.wrongType())
                .setTooManyFiles("Choose one photo."));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(event -> showError(event.getErrorMessage()));
        error.addClassName("hs-form-error");
        error.setVisible(false);
        remove.addThemeVariants(ButtonVariant.TERTIARY);
        remove.addClickListener(click -> removePhoto());
        add(new H3("Photo"), hint, preview, upload, error, remove);
        show(null);
    }

    /** The exercise being edited, or null for one not saved yet (which cannot have a photo). */
    public void show(Exercise exercise) {
        this.exercise = exercise;
        boolean saved = exercise != null;
        hint.setVisible(!saved);
        upload.setVisible(saved);
        error.setVisible(false);
        if (saved) {
            upload.setUploadHandler(new PhotoUpload(exercise.id()));
        }
        showPhoto(saved && exercise.hasPhoto());
    }

    private void showPhoto(boolean present) {
        preview.removeAll();
        if (present) {
            preview.add(new ExercisePhotoImage(photos, exercise));
        }
        preview.setVisible(present);
        remove.setVisible(present);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void uploaded(String problem) {
        upload.clearFileList();
        if (problem == null) {
            error.setVisible(false);
            showPhoto(true);
        } else {
            showError(problem);
        }
    }

    private void removePhoto() {
        try {
            photos.remove(exercise.id());
            error.setVisible(false);
            showPhoto(false);
        } catch (CatalogException e) {
            showError(e.getMessage());
        }
    }

    /**
     * Receives one file. The checks and re-encoding run here, on the upload request, outside
     * the UI lock, so a slow image doesn't freeze the page; only the result is shown under it.
     */
    private final class PhotoUpload implements UploadHandler {

        private final ExerciseId id;

        PhotoUpload(ExerciseId id) {
            this.id = id;
        }

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                // One byte past the limit is enough for the service to refuse the file as too big.
                bytes = in.readNBytes(ExercisePhotos.PHOTO.maxBytes() + 1);
            }
            String problem = null;
            try {
                photos.upload(id, bytes);
            } catch (CatalogException e) {
                problem = e.getMessage();
                event.reject(problem);
            }
            String result = problem;
            event.getUI().access(() -> uploaded(result));
        }

        @Override
        public long getRequestSizeMax() {
            return REQUEST_LIMIT + 64 * 1024;
        }

        @Override
        public long getFileSizeMax() {
            return REQUEST_LIMIT;
        }

        @Override
        public long getFileCountMax() {
            return 1;
        }
    }
}

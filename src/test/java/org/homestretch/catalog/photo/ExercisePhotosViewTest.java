package org.homestretch.catalog.photo;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseEditorView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.homestretch.catalog.CatalogTestSupport.validContent;
import static org.homestretch.catalog.photo.PhotoTestImages.encode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The photo section of the editor and the photo on the detail page, as a therapist uses them. */
class ExercisePhotosViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    CatalogService catalog;
    @Autowired
    ExercisePhotos photos;

    TestAccounts clinic;
    Exercise exercise;

    @BeforeEach
    void signInWithAnExercise() {
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        exercise = catalog.create(validContent("Doorway stretch"));
    }

    @Test
    void a_new_exercise_asks_to_be_saved_before_a_photo_is_added() {
        UI.getCurrent().navigate("catalog/edit");
        PhotoField field = _get(PhotoField.class);

        assertThat(field.hint.isVisible()).isTrue();
        assertThat(field.hint.getText()).isEqualTo("Save the exercise first, then add a photo.");
        assertThat(field.upload.isVisible()).isFalse();
        assertThat(field.remove.isVisible()).isFalse();
    }

    @Test
    void uploading_a_photo_shows_a_thumbnail_and_stores_it() {
        PhotoField field = openEditor();
        assertThat(field.hint.isVisible()).isFalse();
        assertThat(field.upload.getMaxFileSize()).isEqualTo(5 * 1024 * 1024);
        assertThat(field.upload.getAcceptedFileTypes()).contains("image/png", "image/jpeg", "image/webp");

        _upload(field.upload, "shoulder.png", "image/png", encode(PhotoTestImages.halves(120, 80), "png"));

        assertThat(field.error.isVisible()).isFalse();
        assertThat(field.preview.isVisible()).isTrue();
        assertThat(_find(field.preview, ExercisePhotoImage.class)).hasSize(1);
        assertThat(field.remove.isVisible()).isTrue();
        assertThat(photos.find(exercise.id())).isPresent();
    }

    @Test
    void a_refused_file_shows_why_under_the_upload_and_the_page_keeps_working() {
        PhotoField field = openEditor();

        _upload(field.upload, "fake.png", "image/png", "just some text, not a picture".getBytes());

        assertThat(field.error.isVisible()).isTrue();
        assertThat(field.error.getText()).contains("not a PNG, JPEG or WebP image");
        assertThat(field.preview.isVisible()).isFalse();
        assertThat(photos.find(exercise.id())).isEmpty();
        _assertOne(ExerciseEditorView.class);

        // The same session can go on and upload a real photo.
        _upload(field.upload, "real.jpg", "image/jpeg", encode(PhotoTestImages.halves(120, 80), "jpeg"));
        assertThat(field.error.isVisible()).isFalse();
        assertThat(photos.find(exercise.id())).isPresent();
    }

    @Test
    void remove_photo_takes_it_away() {
        photos.upload(exercise.id(), encode(PhotoTestImages.halves(120, 80), "png"));
        PhotoField field = openEditor();
        assertThat(_find(field.preview, ExercisePhotoImage.class)).hasSize(1);

        _click(field.remove);

        assertThat(field.preview.isVisible()).isFalse();
        assertThat(field.remove.isVisible()).isFalse();
        assertThat(photos.find(exercise.id())).isEmpty();
    }

    @Test
    void the_detail_page_shows_the_photo_served_from_the_database() throws Exception {
        photos.upload(exercise.id(), encode(PhotoTestImages.halves(120, 80), "png"));
        UI.getCurrent().navigate("catalog/" + exercise.slug());

        ExercisePhotoImage image = _get(ExercisePhotoImage.class);
        assertThat(image.getAlt()).contains("Photo: Doorway stretch");
        assertThat(placeholders()).isZero();

        assertThat(served(image)).isEqualTo(photos.find(exercise.id()).orElseThrow().content());
    }

    @Test
    void without_a_photo_or_a_figure_the_detail_page_keeps_the_placeholder() {
        UI.getCurrent().navigate("catalog/" + exercise.slug());
        _assertNone(ExercisePhotoImage.class);
        assertThat(placeholders()).isOne();

        // A built-in exercise has no photo but always a figure.
        UI.getCurrent().navigate("catalog/knee-to-chest");
        _assertNone(ExercisePhotoImage.class);
        assertThat(placeholders()).isZero();
    }

    private static long placeholders() {
        return _find(Div.class).stream().filter(d -> d.hasClassName("hs-figure-placeholder")).count();
    }

    private PhotoField openEditor() {
        UI.getCurrent().navigate("catalog/edit/" + exercise.slug());
        return _get(PhotoField.class);
    }

    /** What the browser gets when it loads the image's address. */
    private static byte[] served(ExercisePhotoImage image) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(body);
        image.handler.handleDownloadRequest(new DownloadEvent(VaadinRequest.getCurrent(), response,
                VaadinSession.getCurrent(), image.getElement()));
        return body.toByteArray();
    }
}

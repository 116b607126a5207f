package org.homestretch.catalog.photo;

import org.homestretch.catalog.CatalogException;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Exercise;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.homestretch.catalog.CatalogTestSupport.signIn;
import static org.homestretch.catalog.CatalogTestSupport.validContent;
import static org.homestretch.catalog.photo.PhotoTestImages.BLUE;
import static org.homestretch.catalog.photo.PhotoTestImages.GREEN;
import static org.homestretch.catalog.photo.PhotoTestImages.RED;
import static org.homestretch.catalog.photo.PhotoTestImages.SECRET_COMMENT;
import static org.homestretch.catalog.photo.PhotoTestImages.SECRET_EXIF_TEXT;
import static org.homestretch.catalog.photo.PhotoTestImages.contains;
import static org.homestretch.catalog.photo.PhotoTestImages.decode;
import static org.homestretch.catalog.photo.PhotoTestImages.encode;
import static org.homestretch.catalog.photo.PhotoTestImages.near;

/** Exercise photos against the real (embedded) PostgreSQL, through the service the views use. */
@SpringBootTest
@ActiveProfiles("test")
class ExercisePhotosTest {

    @Autowired
    ExercisePhotos photos;
    @Autowired
    CatalogService catalog;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    TestAccounts clinic;
    Exercise exercise;

    @BeforeEach
    void signInWithAnExercise() {
        clinic = new TestAccounts(provisioning);
        signIn(users, clinic.therapistEmail);
        exercise = catalog.create(validContent("Wall slide"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_png_with_transparency_is_stored_as_a_jpeg_on_white() {
        photos.upload(exercise.id(), encode(PhotoTestImages.halfTransparent(300, 200), "png"));

        ExercisePhotos.Photo photo = photos.find(exercise.id()).orElseThrow();
        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        assertThat(photo.content()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        BufferedImage stored = decode(photo.content());
        assertThat(stored.getColorModel().hasAlpha()).isFalse();
        assertThat(stored.getWidth()).isEqualTo(300);
        assertThat(stored.getHeight()).isEqualTo(200);
        assertThat(near(stored.getRGB(20, 100), Color.WHITE, 6)).as("transparent part is white").isTrue();
        assertThat(near(stored.getRGB(280, 100), GREEN, 12)).as("opaque part keeps its colour").isTrue();
    }

    @Test
    void a_phone_jpeg_loses_its_exif_and_comment_and_is_turned_upright() {
        // 200 x 100, red left and blue right, tagged "rotate 90 degrees clockwise to view".
        byte[] upload = PhotoTestImages.jpegWithMetadata(PhotoTestImages.halves(200, 100), 6);
        assertThat(contains(upload, SECRET_EXIF_TEXT)).as("the test file carries the metadata").isTrue();
        assertThat(contains(upload, SECRET_COMMENT)).isTrue();
        assertThat(PhotoTestImages.markersBeforeScan(upload)).contains(0xFFE1, 0xFFFE);

        photos.upload(exercise.id(), upload);

        byte[] stored = photos.find(exercise.id()).orElseThrow().content();
        assertThat(stored).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(contains(stored, SECRET_EXIF_TEXT)).isFalse();
        assertThat(contains(stored, SECRET_COMMENT)).isFalse();
        assertThat(contains(stored, "Exif")).isFalse();
        // Only the start of image, the plain JFIF header and the tables needed to decode.
        assertThat(PhotoTestImages.markersBeforeScan(stored))
                .doesNotContain(0xFFE1, 0xFFE2, 0xFFED, 0xFFFE)
                .allSatisfy(marker -> assertThat(marker).isIn(0xFFD8, 0xFFE0, 0xFFDB, 0xFFC0, 0xFFC4, 0xFFDA));
        BufferedImage upright = decode(stored);
        assertThat(upright.getWidth()).isEqualTo(100);
        assertThat(upright.getHeight()).isEqualTo(200);
        assertThat(near(upright.getRGB(50, 20), RED, 30)).as("the left side is now on top").isTrue();
        assertThat(near(upright.getRGB(50, 180), BLUE, 30)).isTrue();
    }

    @Test
    void a_big_photo_is_scaled_down_to_1600_pixels_on_its_long_side_keeping_its_shape() {
        photos.upload(exercise.id(), encode(PhotoTestImages.gradient(4000, 3000), "png"));
        BufferedImage wide = decode(photos.find(exercise.id()).orElseThrow().content());
        assertThat(wide.getWidth()).isEqualTo(1600);
        assertThat(wide.getHeight()).isEqualTo(1200);

        photos.upload(exercise.id(), encode(PhotoTestImages.gradient(900, 2700), "jpeg"));
        BufferedImage tall = decode(photos.find(exercise.id()).orElseThrow().content());
        assertThat(tall.getWidth()).isEqualTo(533);
        assertThat(tall.getHeight()).isEqualTo(1600);
    }

    @Test
    void a_small_photo_is_not_enlarged() {
        photos.upload(exercise.id(), encode(PhotoTestImages.halves(64, 40), "png"));

        BufferedImage stored = decode(photos.find(exercise.id()).orElseThrow().content());
        assertThat(stored.getWidth()).isEqualTo(64);
        assertThat(stored.getHeight()).isEqualTo(40);
    }

    @Test
    void webp_photos_are_read_and_stored_as_jpeg() {
        photos.upload(exercise.id(), PhotoTestImages.resource("photo-lossy.webp"));
        byte[] lossy = photos.find(exercise.id()).orElseThrow().content();
        assertThat(lossy).startsWith((byte) 0xFF, (byte) 0xD8);
        BufferedImage fromLossy = decode(lossy);
        assertThat(fromLossy.getWidth()).isEqualTo(320);
        assertThat(fromLossy.getHeight()).isEqualTo(240);
        assertThat(near(fromLossy.getRGB(40, 120), RED, 30)).isTrue();
        assertThat(near(fromLossy.getRGB(280, 120), BLUE, 30)).isTrue();

        photos.upload(exercise.id(), PhotoTestImages.resource("photo-lossless-alpha.webp"));
        BufferedImage fromLossless = decode(photos.find(exercise.id()).orElseThrow().content());
        assertThat(fromLossless.getWidth()).isEqualTo(64);
        assertThat(near(fromLossless.getRGB(5, 24), Color.WHITE, 6)).as("transparent part is white").isTrue();
        assertThat(near(fromLossless.getRGB(58, 24), GREEN, 12)).isTrue();
    }

    @Test
    void the_exercise_shows_it_has_a_photo_until_it_is_removed() {
        assertThat(catalog.find(exercise.id()).orElseThrow().hasPhoto()).isFalse();

        photos.upload(exercise.id(), encode(PhotoTestImages.halves(80, 60), "png"));
        Exercise withPhoto = catalog.find(exercise.id()).orElseThrow();
        assertThat(withPhoto.hasPhoto()).isTrue();
        assertThat(withPhoto.version()).as("the open editor can still save").isEqualTo(exercise.version());

        photos.remove(exercise.id());

        assertThat(catalog.find(exercise.id()).orElseThrow().hasPhoto()).isFalse();
        assertThat(photos.find(exercise.id())).isEmpty();
        photos.remove(exercise.id());
    }

    @Test
    void a_new_upload_replaces_the_old_photo() {
        photos.upload(exercise.id(), encode(PhotoTestImages.halves(80, 60), "png"));
        photos.upload(exercise.id(), encode(PhotoTestImages.halves(40, 30), "png"));

        assertThat(decode(photos.find(exercise.id()).orElseThrow().content()).getWidth()).isEqualTo(40);
        assertThat(jdbc.sql("select count(*) from exercise_photo where exercise_id = :id")
                .param("id", exercise.id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_file_that_only_claims_to_be_a_png_is_refused() {
        assertRefused("This is a text file named fake.png.\n".getBytes(), "not a PNG, JPEG or WebP image");
    }

    @Test
    void other_image_formats_are_refused_by_their_content() {
        assertRefused(encode(PhotoTestImages.halves(40, 30), "gif"), "not a PNG, JPEG or WebP image");
        assertRefused(encode(PhotoTestImages.halves(40, 30), "bmp"), "not a PNG, JPEG or WebP image");
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused(new byte[0], "empty");
    }

    @Test
    void a_file_over_5_mb_is_refused_before_it_is_decoded() {
        byte[] png = encode(PhotoTestImages.halves(40, 30), "png");
        byte[] big = Arrays.copyOf(png, 5 * 1024 * 1024 + 1);

        assertRefused(big, "larger than 5 MB");
    }

    @Test
    void a_file_of_exactly_5_mb_is_not_refused_for_its_size() {
        // A valid PNG padded with trailing bytes, which PNG readers ignore after the end chunk.
        byte[] png = encode(PhotoTestImages.halves(40, 30), "png");
        photos.upload(exercise.id(), Arrays.copyOf(png, 5 * 1024 * 1024));

        assertThat(photos.find(exercise.id())).isPresent();
    }

    @Test
    void a_truncated_png_is_refused() {
        byte[] png = encode(PhotoTestImages.noise(400, 300), "png");

        assertRefused(PhotoTestImages.truncate(png, 0.5), "could not be read");
        assertRefused(PhotoTestImages.truncate(png, 0.002), "could not be read");
    }

    @Test
    void a_header_claiming_too_many_pixels_is_refused_without_decoding() {
        // 20000 x 20000 would need 1.6 GB decoded; the file has no image data, so only the
        // header check can give this message (decoding it would fail as unreadable).
        assertRefused(PhotoTestImages.pngHeaderOnly(20_000, 20_000), "over 50 megapixels");
        assertRefused(PhotoTestImages.pngHeaderOnly(10_000, 5_001), "over 50 megapixels");
        // 48 megapixels, as a phone's full-resolution photo, in a file of a plausible size passes
        // both header checks; this one then fails to decode, as it has no pixels.
        byte[] phoneSized = Arrays.copyOf(PhotoTestImages.pngHeaderOnly(8_000, 6_000), 2 * 1024 * 1024);
        assertRefused(phoneSized, "could not be read");
        // The same header in a file of 45 bytes would unpack 3 million times over: a bomb.
        assertRefused(PhotoTestImages.pngHeaderOnly(8_000, 6_000), "would unpack to more than 100 times");
    }

    @Test
    void webp_magic_bytes_with_a_broken_body_are_refused() {
        assertRefused(PhotoTestImages.webpMagicWithGarbage(), "could not be read");
        assertRefused(PhotoTestImages.truncate(PhotoTestImages.resource("photo-lossy.webp"), 0.6), "could not be read");
    }

    @Test
    void a_built_in_exercise_cannot_get_or_show_a_photo() {
        Exercise builtIn = catalog.find("knee-to-chest").orElseThrow();

        CatalogException refused = catchThrowableOfType(CatalogException.class,
                () -> photos.upload(builtIn.id(), encode(PhotoTestImages.halves(40, 30), "png")));
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("photo");
            assertThat(p.message()).contains("Built-in exercises cannot have a photo");
        });
        assertThat(catchThrowableOfType(CatalogException.class, () -> photos.remove(builtIn.id()))).isNotNull();
        assertThat(photoRows(builtIn)).isZero();

        // Even a row put there behind the app's back is never served for a built-in.
        jdbc.sql("insert into exercise_photo (exercise_id, media_type, content, uploaded_at) values (:id, 'image/jpeg', :c, :t)")
                .param("id", builtIn.id().value()).param("c", new byte[] {1, 2, 3})
                .param("t", Timestamp.from(Instant.now())).update();
        try {
            assertThat(photos.find(builtIn.id())).isEmpty();
        } finally {
            jdbc.sql("delete from exercise_photo where exercise_id = :id").param("id", builtIn.id().value()).update();
        }
    }

    @Test
    void another_clinics_exercise_cannot_get_lose_or_show_a_photo() {
        photos.upload(exercise.id(), encode(PhotoTestImages.halves(80, 60), "png"));
        byte[] original = photos.find(exercise.id()).orElseThrow().content();

        TestAccounts other = new TestAccounts(provisioning);
        signIn(users, other.therapistEmail);
        assertThat(photos.find(exercise.id())).isEmpty();
        CatalogException upload = catchThrowableOfType(CatalogException.class,
                () -> photos.upload(exercise.id(), encode(PhotoTestImages.halves(40, 30), "png")));
        assertThat(upload.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("photo");
            assertThat(p.message()).isEqualTo("This exercise no longer exists.");
        });
        assertThat(catchThrowableOfType(CatalogException.class, () -> photos.remove(exercise.id()))).isNotNull();

        signIn(users, clinic.adminEmail);
        assertThat(photos.find(exercise.id()).orElseThrow().content()).isEqualTo(original);
    }

    @Test
    void the_clinics_other_staff_see_the_photo() {
        photos.upload(exercise.id(), encode(PhotoTestImages.halves(80, 60), "png"));

        signIn(users, clinic.adminEmail);

        assertThat(photos.find(exercise.id())).isPresent();
        assertThat(catalog.find(exercise.id()).orElseThrow().hasPhoto()).isTrue();
    }

    private void assertRefused(byte[] bytes, String messagePart) {
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> photos.upload(exercise.id(), bytes));
        assertThat(e).as("expected a refusal mentioning '" + messagePart + "'").isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("photo");
            assertThat(p.message()).contains(messagePart);
        });
        if (messagePart.contains("PNG, JPEG or WebP")) {
            assertThat(e.getMessage()).contains("PNG", "JPEG", "WebP");
        }
        assertThat(photos.find(exercise.id())).isEmpty();
    }

    private int photoRows(Exercise e) {
        return jdbc.sql("select count(*) from exercise_photo where exercise_id = :id")
                .param("id", e.id().value()).query(Integer.class).single();
    }
}

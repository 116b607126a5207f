package org.homestretch.image;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared upload checks with generated files: real bombs, archives, broken and phone-sized images. */
class UploadedImagesTest {

    private static final int MB = 1024 * 1024;
    static final ImageKind PHOTO = new ImageKind("photo", 5 * MB, true, "photo");
    static final ImageKind LOGO = new ImageKind("logo", MB, false, "image");

    @Test
    void the_309_kb_png_of_39_7_megapixels_is_refused_from_its_header_without_decoding() {
        byte[] bomb = TestImages.bomb();
        assertThat(bomb.length).as("a real bomb of the reported size").isBetween(290_000, 330_000);

        long[] allocated = new long[1];
        ImageException refused = measured(allocated, () -> catchThrowableOfType(ImageException.class,
                () -> UploadedImages.toJpeg(bomb, PHOTO)));

        assertThat(refused.field()).isEqualTo("photo");
        assertThat(refused.getMessage()).isEqualTo(UploadedImages.BOMB);
        System.out.printf("bomb 7720x5140 RGBA16, %d bytes: refused, %.1f MB allocated%n", bomb.length, allocated[0] / 1e6);
        // Refused on the header: nothing near the 317 MB the pixels unpack to is ever allocated.
        assertThat(allocated[0]).isLessThan(8L * MB);
    }

    @Test
    void a_bomb_just_under_the_bomb_rule_is_decoded_at_a_fraction_of_its_size() {
        // 4600 x 3450 (15.9 megapixels) of zeros at 16 bits RGBA: 127 MB unpacked, about 120 KB packed.
        byte[] small = TestImages.png(4600, 3450, 16, 6, (y, row) -> { });

        long[] allocated = new long[1];
        byte[] stored = measured(allocated, () -> UploadedImages.toJpeg(small, PHOTO));

        assertThat(TestImages.size(stored)).containsExactly(1600, 1200);
        System.out.printf("zeros 4600x3450 RGBA16, %d bytes: stored, %.1f MB allocated%n", small.length, allocated[0] / 1e6);
        // Decoded every second pixel (2300 x 1725, 32 MB at 8 bytes a pixel), never whole (127 MB).
        assertThat(allocated[0]).isLessThan(110L * MB);
    }

    @Test
    void a_48_megapixel_phone_photo_passes_and_is_stored_at_1600_pixels() {
        byte[] photo = TestImages.phoneSizedPng();
        assertThat(photo.length).as("packs like a photo, within the 5 MB limit").isBetween(48_000_000 * 3 / 100, 5 * MB);

        long[] allocated = new long[1];
        byte[] stored = measured(allocated, () -> UploadedImages.toJpeg(photo, PHOTO));

        assertThat(TestImages.size(stored)).containsExactly(1600, 1200);
        System.out.printf("photo 8000x6000 RGB8, %d bytes: stored, %.1f MB allocated%n", photo.length, allocated[0] / 1e6);
        // Every third pixel decoded (2667 x 2000); the whole image would be 144 MB.
        assertThat(allocated[0]).isLessThan(100L * MB);
    }

    @Test
    void a_12_megapixel_jpeg_from_a_phone_camera_passes() {
        byte[] jpeg = TestImages.jpeg(TestImages.gradient(4032, 3024), false);

        byte[] stored = UploadedImages.toJpeg(jpeg, PHOTO);

        assertThat(TestImages.size(stored)).containsExactly(1600, 1200);
        assertThat(stored).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    void a_small_png_logo_is_stored_as_jpeg_at_its_own_size() {
        byte[] stored = UploadedImages.toJpeg(TestImages.png(TestImages.gradient(300, 120)), LOGO);

        assertThat(TestImages.size(stored)).containsExactly(300, 120);
    }

    @Test
    void a_zip_file_renamed_png_is_refused_as_an_archive() {
        byte[] zip = TestImages.zipHolding(TestImages.png(TestImages.gradient(40, 30)));

        assertRefused(zip, PHOTO, "This file is a ZIP archive (a packed folder), not an image");
        assertRefused(zip, LOGO, "Choose a PNG or JPEG image.");
    }

    @Test
    void files_that_are_not_images_are_refused_by_their_content() {
        assertRefused("%PDF-1.7 a document".getBytes(), PHOTO,
                "This file is not a PNG, JPEG or WebP image. Choose a photo in one of those formats.");
        assertRefused("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(), LOGO,
                "This file is not a PNG or JPEG image. Choose an image in one of those formats.");
        assertRefused("RIFF\0\0\0\0WEBPVP8 ".getBytes(), LOGO, "This file is not a PNG or JPEG image.");
        assertRefused(new byte[0], PHOTO, "This file is empty. Choose a PNG, JPEG or WebP photo.");
    }

    @Test
    void a_truncated_png_is_refused_as_unreadable() {
        byte[] png = TestImages.png(TestImages.gradient(400, 300));

        assertRefused(Arrays.copyOf(png, png.length / 2), PHOTO, UploadedImages.UNREADABLE);
        assertRefused(Arrays.copyOf(png, 20), PHOTO, UploadedImages.UNREADABLE);
    }

    @Test
    void files_over_the_byte_limit_are_refused_before_anything_else() {
        byte[] png = TestImages.png(TestImages.gradient(40, 30));

        assertRefused(Arrays.copyOf(png, MB + 1), LOGO, "This file is larger than 1 MB. Choose a smaller image.");
        assertRefused(Arrays.copyOf(png, 5 * MB + 1), PHOTO, "This file is larger than 5 MB. Choose a smaller photo.");
        assertThat(UploadedImages.toJpeg(Arrays.copyOf(png, MB), LOGO)).isNotEmpty();
    }

    @Test
    void headers_declaring_over_50_megapixels_are_refused_without_decoding() {
        // Neither file has any pixel data: only the header can give this message.
        assertRefused(TestImages.jpegClaiming(60_000, 60_000, false, 0), PHOTO, UploadedImages.TOO_MANY_PIXELS);
        assertRefused(TestImages.jpegClaiming(10_000, 5_001, false, 4 * MB), PHOTO, UploadedImages.TOO_MANY_PIXELS);
        assertRefused(TestImages.pngHeaderOnly(100_000, 100_000), LOGO, UploadedImages.TOO_MANY_PIXELS);
    }

    @Test
    void a_jpeg_declaring_many_pixels_in_a_tiny_file_is_a_bomb() {
        assertRefused(TestImages.jpegClaiming(8_000, 6_000, false, 0), PHOTO, UploadedImages.BOMB);
        // The same header in a file of a plausible size passes both rules; what its few real
        // pixels do not cover is filled in grey, decoded every third pixel.
        byte[] stored = UploadedImages.toJpeg(TestImages.jpegClaiming(8_000, 6_000, false, 2 * MB), PHOTO);
        assertThat(TestImages.size(stored)).containsExactly(1600, 1200);
    }

    @Test
    void a_progressive_jpeg_over_16_megapixels_is_refused_but_a_smaller_one_is_taken() {
        assertRefused(TestImages.jpegClaiming(5_000, 4_000, true, 2 * MB), PHOTO, UploadedImages.PROGRESSIVE);

        byte[] progressive = TestImages.jpeg(TestImages.gradient(800, 600), true);
        assertThat(JpegMarkers.isProgressive(progressive)).isTrue();
        assertThat(TestImages.size(UploadedImages.toJpeg(progressive, PHOTO))).containsExactly(800, 600);
    }

    @Test
    void the_decoded_image_is_never_more_than_3200_pixels_on_its_long_side() {
        assertThat(UploadedImages.subsampling(3200, 2400)).isEqualTo(1);
        assertThat(UploadedImages.subsampling(3201, 2400)).isEqualTo(2);
        assertThat(UploadedImages.subsampling(7720, 5140)).isEqualTo(3);
        assertThat(UploadedImages.subsampling(8000, 6000)).isEqualTo(3);
        assertThat(UploadedImages.subsampling(50_000, 1_000)).isEqualTo(16);
    }

    private static void assertRefused(byte[] bytes, ImageKind kind, String message) {
        ImageException refused = catchThrowableOfType(ImageException.class, () -> UploadedImages.toJpeg(bytes, kind));
        assertThat(refused).as("expected a refusal: " + message).isNotNull();
        assertThat(refused.field()).isEqualTo(kind.field());
        assertThat(refused.getMessage()).contains(message);
    }

    /** Runs {@code work} and puts the bytes this thread allocated meanwhile into {@code allocated[0]}. */
    private static <T> T measured(long[] allocated, Supplier<T> work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        T result = work.get();
        allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
        return result;
    }
}

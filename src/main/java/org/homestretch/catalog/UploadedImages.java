package org.homestretch.catalog;

/**
 * The exercise-photo checks, for other features' uploads (the clinic logo): the format told
 * from the bytes, pixel size checked before decoding, re-encoded as metadata-free JPEG.
 */
public final class UploadedImages {

    private UploadedImages() {
    }

    /** PNG or JPEG up to {@code maxBytes}; a refusal is a {@link CatalogException} naming {@code field}. */
    public static byte[] pngOrJpegToJpeg(byte[] bytes, int maxBytes, String field) {
        return PhotoImages.normalise(bytes, maxBytes, false, field);
    }
}

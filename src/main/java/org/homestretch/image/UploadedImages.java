package org.homestretch.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Turns an uploaded image into the one form the app stores: a baseline sRGB JPEG without any
 * metadata, at most {@link #MAX_SIDE} pixels on its long side. In this order, each refusal an
 * {@link ImageException} for the kind's field:
 * <ol>
 * <li>the byte limit of the {@link ImageKind} (before anything else is looked at);</li>
 * <li>the format, told from the first bytes, never from the file name: PNG, JPEG (and WebP
 * where the kind takes it); a ZIP archive renamed {@code .png} gets its own message;</li>
 * <li>the size in pixels, read from the header (PNG {@code IHDR}, JPEG {@code SOF}) before
 * any pixel is decoded: at most {@link #MAX_PIXELS};</li>
 * <li>decompression bombs: above {@link #BOMB_FLOOR_PIXELS}, a file that would unpack to more
 * than {@link #MAX_PACKING} times its size (3 bytes a pixel) is refused undecoded;</li>
 * <li>what passes is decoded at a fraction of its size ({@link ImageReadParam#setSourceSubsampling}),
 * never more than 2 × {@link #MAX_SIDE} on the long side, so memory stays bounded whatever the
 * header says.</li>
 * </ol>
 */
public final class UploadedImages {

    /**
     * 50 megapixels: a 48-megapixel phone photo (8000 × 6000) passes; the stored image is at
     * most 1600 pixels wide anyway, so nothing bigger is needed.
     */
    public static final long MAX_PIXELS = 50_000_000L;
    /**
     * Phone cameras take 12 megapixels by default; an image above 16 megapixels packed more
     * than 100 to 1 is mostly empty (all one colour): a bomb, or a drawing saved far too big.
     * Real photos pack 5 to 30 to 1 (JPEG) or 1.5 to 3 to 1 (PNG).
     */
    static final long BOMB_FLOOR_PIXELS = 16_000_000L;
    static final int MAX_PACKING = 100;
    public static final int MAX_SIDE = 1600;
    public static final String MEDIA_TYPE = "image/jpeg";

    static final String UNREADABLE = "This image could not be read: the file may be damaged or incomplete. "
            + "Try saving it again as PNG or JPEG.";
    static final String TOO_MANY_PIXELS = "This image is too large in pixels (over 50 megapixels). "
            + "Make it smaller and try again.";
    static final String BOMB = "This image is too large in pixels for its file size: it is mostly empty and "
            + "would unpack to more than 100 times its size. Save it smaller, for example 2000 pixels wide, "
            + "and try again.";
    static final String PROGRESSIVE = "This JPEG is too large in pixels for its kind (a \"progressive\" JPEG "
            + "over 16 megapixels). Make it smaller, or save it as a standard JPEG, and try again.";
    static final String NO_WEBP = "WebP images cannot be read on this server. Use PNG or JPEG.";

    enum Format {
        PNG("png"), JPEG("jpeg"), WEBP("webp"), ZIP(null);

        final String readerName;

        Format(String readerName) {
            this.readerName = readerName;
        }
    }

    private UploadedImages() {
    }

    /** Checks, decodes and re-encodes; every refusal is an {@link ImageException} for {@code kind.field()}. */
    public static byte[] toJpeg(byte[] bytes, ImageKind kind) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageException(kind.field(), kind.empty());
        }
        if (bytes.length > kind.maxBytes()) {
            throw new ImageException(kind.field(), kind.tooBig());
        }
        Format format = sniff(bytes);
        if (format == Format.ZIP) {
            throw new ImageException(kind.field(), kind.archive());
        }
        if (format == null || format == Format.WEBP && !kind.allowWebp()) {
            throw new ImageException(kind.field(), kind.wrongType());
        }
        BufferedImage decoded = decode(bytes, format, kind.field());
        BufferedImage flat = ImagePixels.flattenToSrgb(decoded);
        decoded = null; // only the flat copy is needed from here on; let it go before scaling
        int[] size = ImagePixels.fit(flat.getWidth(), flat.getHeight(), MAX_SIDE);
        BufferedImage scaled = ImagePixels.scaleDown(flat, size[0], size[1]);
        BufferedImage upright = format == Format.JPEG ? JpegMarkers.upright(scaled, JpegMarkers.orientation(bytes)) : scaled;
        return ImagePixels.encodeJpeg(upright);
    }

    /** The format its first bytes declare, or null when they declare none this module knows. */
    static Format sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Format.WEBP;
        }
        // A local file header, an empty archive, or a spanned one.
        if (startsWith(b, 0, 'P', 'K', 3, 4) || startsWith(b, 0, 'P', 'K', 5, 6) || startsWith(b, 0, 'P', 'K', 7, 8)) {
            return Format.ZIP;
        }
        return null;
    }

    static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (offset < 0 || bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Refuses on the header's size alone, else decodes with the subsampling that bounds memory. */
    private static BufferedImage decode(byte[] bytes, Format format, String field) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        if (!readers.hasNext()) {
            throw new ImageException(field, format == Format.WEBP ? NO_WEBP : UNREADABLE);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            // Metadata is never read: nothing of it is kept, and its parsers are attack surface.
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                // Reads the header only (PNG IHDR, JPEG up to its SOF): no pixel is decoded yet.
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw new ImageException(field, UNREADABLE);
            }
            checkSize(width, height, bytes, format, field);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            try {
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                    throw new ImageException(field, UNREADABLE);
                }
                return image;
            } catch (IOException | RuntimeException e) {
                if (e instanceof ImageException refusal) {
                    throw refusal;
                }
                throw new ImageException(field, UNREADABLE);
            }
        } catch (IOException e) {
            throw new ImageException(field, UNREADABLE);
        } finally {
            reader.dispose();
        }
    }

    /** The header's size against the pixel limit and the bomb rule. */
    static void checkSize(int width, int height, byte[] bytes, Format format, String field) {
        if (width <= 0 || height <= 0) {
            throw new ImageException(field, UNREADABLE);
        }
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
            throw new ImageException(field, TOO_MANY_PIXELS);
        }
        if (pixels > BOMB_FLOOR_PIXELS && pixels * 3 > (long) bytes.length * MAX_PACKING) {
            throw new ImageException(field, BOMB);
        }
        // A progressive JPEG is decoded whole in native memory, whatever the subsampling asks.
        if (format == Format.JPEG && pixels > BOMB_FLOOR_PIXELS && JpegMarkers.isProgressive(bytes)) {
            throw new ImageException(field, PROGRESSIVE);
        }
    }

    /**
     * Every how many pixels one is decoded: enough that the decoded image is at most twice the
     * stored size on its long side (3200 pixels, about 10 megapixels at most), which keeps the
     * scaled result sharp and the memory bounded.
     */
    static int subsampling(int width, int height) {
        int longSide = Math.max(width, height);
        return Math.max(1, (longSide + 2 * MAX_SIDE - 1) / (2 * MAX_SIDE));
    }
}

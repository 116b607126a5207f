package org.homestretch.catalog;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Turns an uploaded image into the one form the app stores: a baseline sRGB JPEG without any
 * metadata, at most {@link #MAX_SIDE} pixels on its long side. The format is told from the
 * bytes, never from the file name, and the size in pixels is read from the header before
 * anything is decoded, so that a small file cannot unpack into gigabytes (a decompression bomb).
 */
final class PhotoImages {

    static final String FIELD = "photo";
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_SIDE = 1600;
    static final String MEDIA_TYPE = "image/jpeg";
    // OpenPDF decodes PNG slowly, so handouts want JPEG; 0.85 keeps skin and fabric free of blocks.
    private static final float JPEG_QUALITY = 0.85f;

    enum Format {
        PNG("png"), JPEG("jpeg"), WEBP("webp");

        final String readerName;

        Format(String readerName) {
            this.readerName = readerName;
        }
    }

    static final String WRONG_TYPE = "This file is not a PNG, JPEG or WebP image. Choose a photo in one of those formats.";
    static final String TOO_BIG = "This file is larger than 5 MB. Choose a smaller photo.";
    static final String EMPTY = "This file is empty. Choose a PNG, JPEG or WebP photo.";
    static final String UNREADABLE = "This image could not be read: the file may be damaged or incomplete. "
            + "Try saving it again as PNG or JPEG.";
    static final String TOO_MANY_PIXELS = "This image is too large in pixels (over 40 megapixels). "
            + "Make it smaller and try again.";
    static final String NO_WEBP = "WebP images cannot be read on this server. Use PNG or JPEG.";

    private PhotoImages() {
    }

    /** Checks, decodes and re-encodes; refusals are {@link CatalogException}s for the photo field. */
    static byte[] normalise(byte[] bytes) {
        return normalise(bytes, MAX_BYTES, true, FIELD);
    }

    /**
     * The same checks with another size limit, optionally without WebP (the clinic logo);
     * refusals name {@code field}.
     */
    static byte[] normalise(byte[] bytes, int maxBytes, boolean allowWebp, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new CatalogException(field, allowWebp ? EMPTY : "This file is empty. Choose a PNG or JPEG image.");
        }
        if (bytes.length > maxBytes) {
            throw new CatalogException(field, maxBytes == MAX_BYTES ? TOO_BIG
                    : "This file is larger than " + (maxBytes / (1024 * 1024)) + " MB. Choose a smaller image.");
        }
        Format format = sniff(bytes);
        if (format == null || format == Format.WEBP && !allowWebp) {
            throw new CatalogException(field, allowWebp ? WRONG_TYPE
                    : "This file is not a PNG or JPEG image. Choose an image in one of those formats.");
        }
        BufferedImage decoded = decode(bytes, format);
        BufferedImage flat = flattenToSrgb(decoded);
        int[] size = fit(flat.getWidth(), flat.getHeight());
        BufferedImage scaled = scaleDown(flat, size[0], size[1]);
        BufferedImage upright = format == Format.JPEG ? orient(scaled, exifOrientation(bytes)) : scaled;
        return encodeJpeg(upright);
    }

    /** The format its first bytes declare, or null when they declare none of the accepted ones. */
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
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage decode(byte[] bytes, Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        if (!readers.hasNext()) {
            throw refused(format == Format.WEBP ? NO_WEBP : UNREADABLE);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            // Metadata is never read: nothing of it is kept, and its parsers are attack surface.
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw refused(UNREADABLE);
            }
            if (width <= 0 || height <= 0) {
                throw refused(UNREADABLE);
            }
            if ((long) width * height > MAX_PIXELS) {
                throw refused(TOO_MANY_PIXELS);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            // A big photo is decoded at a fraction of its size (still at least twice the stored
            // size), which keeps a 40-megapixel upload to a few dozen megabytes of memory.
            int step = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            try {
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                    throw refused(UNREADABLE);
                }
                return image;
            } catch (IOException | RuntimeException e) {
                if (e instanceof CatalogException refusal) {
                    throw refusal;
                }
                throw refused(UNREADABLE);
            }
        } catch (IOException e) {
            throw refused(UNREADABLE);
        } finally {
            reader.dispose();
        }
    }

    /** Any colour space and any transparency become opaque sRGB; transparent parts turn white. */
    static BufferedImage flattenToSrgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.getType() == ColorSpace.TYPE_RGB && !space.isCS_sRGB()) {
            // An embedded profile such as Adobe RGB or Display P3: convert now, or the colours
            // shift once the profile is dropped with the rest of the metadata.
            BufferedImage srgb = new BufferedImage(w, h,
                    image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(image, srgb);
            image = srgb;
        }
        BufferedImage flat = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return flat;
    }

    /** The size that fits within MAX_SIDE on the long side, keeping the aspect ratio; never enlarged. */
    static int[] fit(int width, int height) {
        int longSide = Math.max(width, height);
        if (longSide <= MAX_SIDE) {
            return new int[] {width, height};
        }
        double scale = (double) MAX_SIDE / longSide;
        return new int[] {
                Math.max(1, (int) Math.round(width * scale)),
                Math.max(1, (int) Math.round(height * scale))};
    }

    private static BufferedImage scaleDown(BufferedImage image, int targetWidth, int targetHeight) {
        BufferedImage current = image;
        int w = current.getWidth();
        int h = current.getHeight();
        // Halving in steps: one bilinear pass over a big reduction skips pixels and looks jagged.
        while (w / 2 >= targetWidth && h / 2 >= targetHeight && w / 2 > 0 && h / 2 > 0) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h);
        }
        if (w != targetWidth || h != targetHeight) {
            current = draw(current, targetWidth, targetHeight);
        }
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            // No metadata passed in: the writer adds only its plain JFIF header, so no EXIF,
            // GPS position, camera serial or comment of the original survives.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * The EXIF orientation (1 to 8) of a JPEG, 1 when it has none. Phones store a portrait photo
     * sideways with this tag; since the tag is dropped with the metadata, the pixels are turned.
     */
    static int exifOrientation(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16(jpeg, i + 2, false);
            if (length < 2) {
                return 1;
            }
            int start = i + 4;
            int end = Math.min(jpeg.length, i + 2 + length);
            if (marker == 0xE1 && end - start > 14 && startsWith(jpeg, start, 'E', 'x', 'i', 'f', 0, 0)) {
                return tiffOrientation(jpeg, start + 6, end);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int tiffOrientation(byte[] b, int tiff, int end) {
        boolean little;
        if (startsWith(b, tiff, 'I', 'I')) {
            little = true;
        } else if (startsWith(b, tiff, 'M', 'M')) {
            little = false;
        } else {
            return 1;
        }
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, (int) ifd, little);
        for (int n = 0; n < entries; n++) {
            int entry = (int) ifd + 2 + 12 * n;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112 && u16(b, entry + 2, little) == 3) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? first | second << 8 : first << 8 | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, little ? at + 2 : at, little);
        long low = u16(b, little ? at : at + 2, little);
        return high << 16 | low;
    }

    /** Applies an EXIF orientation, so that the image shows upright without the tag. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation == 1) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        int tw = swap ? h : w;
        int th = swap ? w : h;
        int[] source = image.getRGB(0, 0, w, h, null, 0, w);
        int[] target = new int[source.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; }
                }
                target[ty * tw + tx] = source[y * w + x];
            }
        }
        BufferedImage turned = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        turned.setRGB(0, 0, tw, th, target, 0, tw);
        return turned;
    }

    private static CatalogException refused(String message) {
        return new CatalogException(FIELD, message);
    }
}

package org.homestretch.catalog.photo;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Test images made in code (and two tiny WebP files made with libwebp's cwebp 1.2.4, kept
 * as test resources because no Java library here writes WebP).
 */
final class PhotoTestImages {

    static final Color RED = new Color(220, 30, 30);
    static final Color BLUE = new Color(30, 30, 220);
    static final Color GREEN = new Color(20, 120, 40);
    static final String SECRET_COMMENT = "Patient Anna Example, taken at home";
    static final String SECRET_EXIF_TEXT = "GPS 52.5200N 13.4050E";

    private PhotoTestImages() {
    }

    /** Left half red, right half blue. */
    static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** Left half fully transparent, right half opaque green. */
    static BufferedImage halfTransparent(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** A smooth gradient: compresses well, so a big picture stays a small file. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 128);
            }
        }
        return image;
    }

    /** Noise: compresses badly, so the file has plenty of image data to cut short. */
    static BufferedImage noise(int width, int height) {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG as a phone writes it: an EXIF block (orientation, a description with a position in
     * it) and a comment, both right after the start-of-image marker.
     */
    static byte[] jpegWithMetadata(BufferedImage image, int orientation) {
        byte[] plain = encode(image, "jpeg");
        byte[] exif = app1Exif(orientation, SECRET_EXIF_TEXT);
        byte[] comment = segment(0xFE, SECRET_COMMENT.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer out = ByteBuffer.allocate(plain.length + exif.length + comment.length);
        out.put(plain, 0, 2).put(exif).put(comment).put(plain, 2, plain.length - 2);
        return out.array();
    }

    private static byte[] app1Exif(int orientation, String description) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        // Big-endian TIFF: header, IFD0 with two entries, then the description text.
        int ifdOffset = 8;
        int textOffset = ifdOffset + 2 + 2 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(textOffset + text.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifdOffset);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(textOffset);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(text);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[header.length + tiff.capacity()];
        System.arraycopy(header, 0, body, 0, header.length);
        System.arraycopy(tiff.array(), 0, body, header.length, tiff.capacity());
        return segment(0xE1, body);
    }

    private static byte[] segment(int marker, byte[] body) {
        ByteBuffer segment = ByteBuffer.allocate(4 + body.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (body.length + 2)).put(body);
        return segment.array();
    }

    /** The markers of a JPEG's segments before its image data (FFD8 first, then FFE0, FFDB...). */
    static List<Integer> markersBeforeScan(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        markers.add((jpeg[0] & 0xFF) << 8 | jpeg[1] & 0xFF);
        int i = 2;
        while (i + 4 <= jpeg.length) {
            int marker = 0xFF00 | jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xFFDA) {
                break;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        return markers;
    }

    /** A PNG that is only a header declaring a huge picture; it has no image data at all. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(8 + 12 + 13 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);
        return png.array();
    }

    private static void chunk(ByteBuffer png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    }

    /** The first bytes of a WebP file (RIFF, size, WEBP, VP8 chunk) followed by garbage. */
    static byte[] webpMagicWithGarbage() {
        byte[] garbage = new byte[2000];
        new Random(7).nextBytes(garbage);
        ByteBuffer webp = ByteBuffer.allocate(20 + garbage.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + garbage.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8 ".getBytes(StandardCharsets.US_ASCII)).putInt(garbage.length).put(garbage);
        return webp.array();
    }

    static byte[] resource(String name) {
        try (InputStream in = PhotoTestImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] truncate(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    static boolean contains(byte[] haystack, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Asserts that the colour is within a small distance of the expected one (JPEG is lossy). */
    static boolean near(int rgb, Color expected, int tolerance) {
        Color actual = new Color(rgb);
        return Math.abs(actual.getRed() - expected.getRed()) <= tolerance
                && Math.abs(actual.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(actual.getBlue() - expected.getBlue()) <= tolerance;
    }
}

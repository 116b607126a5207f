package org.homestretch.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Images made for the tests, some of them hostile, none of them held whole in memory when big. */
final class TestImages {

    /** Fills one row of raw samples (without the PNG filter byte). */
    interface Rows {
        void fill(int y, byte[] row);
    }

    private TestImages() {
    }

    /**
     * A real PNG written row by row with the strongest deflate setting: with all-zero rows at
     * 16 bits RGBA, 7720 x 5140 (39.7 megapixels, 317 MB unpacked) packs into about 309 KB.
     */
    static byte[] png(int width, int height, int bitDepth, int colourType, Rows rows) {
        int channels = switch (colourType) {
            case 0 -> 1;
            case 2 -> 3;
            case 6 -> 4;
            default -> throw new IllegalArgumentException("colour type " + colourType);
        };
        int rowBytes = width * channels * bitDepth / 8;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[rowBytes];
            for (int y = 0; y < height; y++) {
                rows.fill(y, row);
                out.write(0); // filter: none
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A PNG that is only a header declaring {@code width} x {@code height}; it has no image data. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** The decompression bomb of the report: 39.7 megapixels of zeros, 16-bit RGBA, about 309 KB. */
    static byte[] bomb() {
        return png(7720, 5140, 16, 6, (y, row) -> { });
    }

    /**
     * A 48-megapixel photo-like PNG (8000 x 6000): a smooth gradient with a sprinkle of noise,
     * so that it packs like a real picture (tens to one), not like a bomb.
     */
    static byte[] phoneSizedPng() {
        Random random = new Random(48);
        return png(8000, 6000, 8, 2, (y, row) -> {
            for (int x = 0; x < row.length / 3; x++) {
                int base = (x / 40 + y / 30) & 0xFF;
                row[3 * x] = (byte) base;
                row[3 * x + 1] = (byte) (base / 2 + 60);
                row[3 * x + 2] = (byte) (255 - base);
            }
            for (int n = 0; n < 120; n++) {
                row[random.nextInt(row.length)] = (byte) random.nextInt(256);
            }
        });
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        try {
            DataOutputStream out = new DataOutputStream(png);
            out.writeInt(data.length);
            out.write(typeBytes);
            out.write(data);
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP archive holding a real PNG: what a "photo.png" that is really a zip file contains. */
    static byte[] zipHolding(byte[] content) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("photo.png"));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | 128);
            }
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A real small JPEG whose frame header (SOF) is rewritten to declare {@code width} x
     * {@code height}, padded with zeros after its end to {@code padTo} bytes: a header that lies.
     */
    static byte[] jpegClaiming(int width, int height, boolean progressive, int padTo) {
        byte[] jpeg = jpeg(gradient(64, 48), progressive);
        int i = 2;
        while ((jpeg[i + 1] & 0xFF) < 0xC0 || (jpeg[i + 1] & 0xFF) > 0xC2) {
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        jpeg[i + 5] = (byte) (height >> 8);
        jpeg[i + 6] = (byte) height;
        jpeg[i + 7] = (byte) (width >> 8);
        jpeg[i + 8] = (byte) width;
        return java.util.Arrays.copyOf(jpeg, Math.max(jpeg.length, padTo));
    }

    /** Width and height of a stored JPEG. */
    static int[] size(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(image));
            return new int[] {decoded.getWidth(), decoded.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

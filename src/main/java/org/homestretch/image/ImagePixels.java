package org.homestretch.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The pixel work after decoding: to opaque sRGB, down to the stored size, out as JPEG. */
final class ImagePixels {

    // OpenPDF decodes PNG slowly, so handouts want JPEG; 0.85 keeps skin and fabric free of blocks.
    private static final float JPEG_QUALITY = 0.85f;

    private ImagePixels() {
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

    /** The size that fits within {@code maxSide} on the long side, keeping the aspect ratio; never enlarged. */
    static int[] fit(int width, int height, int maxSide) {
        int longSide = Math.max(width, height);
        if (longSide <= maxSide) {
            return new int[] {width, height};
        }
        double scale = (double) maxSide / longSide;
        return new int[] {
                Math.max(1, (int) Math.round(width * scale)),
                Math.max(1, (int) Math.round(height * scale))};
    }

    static BufferedImage scaleDown(BufferedImage image, int targetWidth, int targetHeight) {
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

    static byte[] encodeJpeg(BufferedImage image) {
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

}

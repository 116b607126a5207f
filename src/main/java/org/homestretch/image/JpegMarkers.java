package org.homestretch.image;

import java.awt.image.BufferedImage;

/** What a JPEG's markers tell before decoding: its EXIF orientation, and whether it is progressive. */
final class JpegMarkers {

    private JpegMarkers() {
    }

    /**
     * The EXIF orientation (1 to 8) of a JPEG, 1 when it has none. Phones store a portrait photo
     * sideways with this tag; since the tag is dropped with the metadata, the pixels are turned.
     */
    static int orientation(byte[] jpeg) {
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
            if (marker == 0xE1 && end - start > 14 && UploadedImages.startsWith(jpeg, start, 'E', 'x', 'i', 'f', 0, 0)) {
                return tiffOrientation(jpeg, start + 6, end);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int tiffOrientation(byte[] b, int tiff, int end) {
        boolean little;
        if (UploadedImages.startsWith(b, tiff, 'I', 'I')) {
            little = true;
        } else if (UploadedImages.startsWith(b, tiff, 'M', 'M')) {
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
    static BufferedImage upright(BufferedImage image, int orientation) {
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

    /**
     * Whether the JPEG's frame header is progressive (SOF2, SOF6, SOF10, SOF14): such a file is
     * decoded whole, coefficient by coefficient, before any subsampling applies.
     */
    static boolean isProgressive(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE) {
                return true;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
                    || marker == 0xDA || marker == 0xD9) {
                return false;
            }
            int length = u16(jpeg, i + 2, false);
            if (length < 2) {
                return false;
            }
            i += 2 + length;
        }
        return false;
    }
}

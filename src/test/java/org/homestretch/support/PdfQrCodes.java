package org.homestretch.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Reads a QR code off a PDF page the way a phone camera would: from pixels. */
public final class PdfQrCodes {

    private PdfQrCodes() {
    }

    /**
     * The text of the QR code on the page (0-based), as a phone held at a few distances would
     * read it. A sharp synthetic rendering can put sampling points exactly on module edges at
     * some scales, which a camera's blur never does; moving the phone is what people do then.
     */
    public static Optional<String> read(byte[] pdf, int page) throws IOException {
        for (float dpi : new float[]{150, 200, 120, 300, 100}) {
            Optional<String> found = read(pdf, page, dpi);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The text of the QR code on the page (0-based), printed at {@code dpi}; empty when none is
     * readable. Like a person pointing a camera, it frames parts of the page in turn (half the
     * page width, overlapping), since the finder squares are easier to tell from text up close.
     */
    public static Optional<String> read(byte[] pdf, int page, float dpi) throws IOException {
        BufferedImage image;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            image = new PDFRenderer(document).renderImageWithDPI(page, dpi);
        }
        Optional<String> whole = decode(image);
        if (whole.isPresent()) {
            return whole;
        }
        int size = image.getWidth() / 2;
        int step = size / 4;
        for (int y = 0; y + size <= image.getHeight(); y += step) {
            for (int x = 0; x + size <= image.getWidth(); x += step) {
                Optional<String> found = decode(image.getSubimage(x, y, size, size));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty();
        }
    }
}

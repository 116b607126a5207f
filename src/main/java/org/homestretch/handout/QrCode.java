package org.homestretch.handout;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.openpdf.text.BadElementException;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.util.Map;

/**
 * A QR code drawn as vector squares, so it stays sharp on any printer and adds a few hundred
 * bytes to the PDF. Error correction level M survives a crease or a coffee ring; the quiet zone
 * of four modules is what phone cameras need to find it.
 */
final class QrCode {

    private QrCode() {
    }

    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode this link as a QR code", e);
        }
    }

    /** An image of {@code size} points square, one filled rectangle per run of dark modules. */
    static Image image(PdfWriter writer, String text, float size) {
        BitMatrix m = matrix(text);
        int n = m.getWidth();
        PdfTemplate template = writer.getDirectContent().createTemplate(n, n);
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && m.get(x, y)) {
                    x++;
                }
                // PDF's y axis points up; the matrix's row 0 is the top. Rows overlap a little so that
                // viewers' anti-aliasing leaves no hairline seams for a camera to trip over.
                template.rectangle(start, n - y - 1.05f, x - start, 1.1f);
            }
        }
        template.fill();
        try {
            Image image = Image.getInstance(template);
            image.scaleAbsolute(size, size);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }
}

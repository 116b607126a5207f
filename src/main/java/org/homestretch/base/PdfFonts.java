package org.homestretch.base;

import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans for every PDF the app writes (handouts, progress reports), embedded so that any
 * name a clinic types prints as typed. The font files ship in the jar (licence next to them);
 * their bytes are read once, a font object is made per document.
 */
public final class PdfFonts {

    private static final String FOLDER = "/handout/fonts/";
    private static final byte[] REGULAR = resource("DejaVuSans.ttf");
    private static final byte[] BOLD = resource("DejaVuSans-Bold.ttf");

    private PdfFonts() {
    }

    public static BaseFont regular() {
        return font("DejaVuSans.ttf", REGULAR);
    }

    public static BaseFont bold() {
        return font("DejaVuSans-Bold.ttf", BOLD);
    }

    private static BaseFont font(String name, byte[] ttf) {
        try {
            // Identity-H with embedding: any character the font has prints, and only the glyphs used are embedded.
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Cannot load the PDF font " + name, e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

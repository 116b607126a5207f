package org.homestretch.base;

import org.openpdf.text.Document;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;

/**
 * A footer line on every page of our PDFs: a text on the left and "Page X of Y" on the right,
 * so loose printed pages go back together. Y is written into a shared template once the last
 * page is known.
 */
public final class PdfPageFooter extends PdfPageEventHelper {

    private final BaseFont font;
    private final float size;
    private final Color ink;
    private final Color rule;
    private final float margin;
    private final float baseline;
    private final String text;
    private PdfTemplate total;

    /**
     * @param baseline distance of the text's baseline from the bottom edge of the page
     */
    public PdfPageFooter(BaseFont font, float size, Color ink, Color rule, float margin, float baseline, String text) {
        this.font = font;
        this.size = size;
        this.ink = ink;
        this.rule = rule;
        this.margin = margin;
        this.baseline = baseline;
        this.text = text;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(font.getWidthPoint("0000", size), size * 1.4f);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float right = document.getPageSize().getWidth() - margin;
        String page = "Page " + writer.getPageNumber() + " of ";
        float pageWidth = font.getWidthPoint(page, size);
        cb.saveState();
        cb.setColorStroke(rule);
        cb.setLineWidth(0.75f);
        cb.moveTo(margin, baseline + size * 1.4f);
        cb.lineTo(right, baseline + size * 1.4f);
        cb.stroke();
        cb.beginText();
        cb.setFontAndSize(font, size);
        cb.setColorFill(ink);
        cb.setTextMatrix(margin, baseline);
        cb.showText(text);
        cb.setTextMatrix(right - pageWidth - total.getWidth(), baseline);
        cb.showText(page);
        cb.endText();
        cb.addTemplate(total, right - total.getWidth(), baseline);
        cb.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(font, size);
        total.setColorFill(ink);
        total.setTextMatrix(0, 0);
        total.showText(Integer.toString(writer.getPageNumber() - 1));
        total.endText();
    }
}

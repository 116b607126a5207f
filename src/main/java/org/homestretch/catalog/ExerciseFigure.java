package org.homestretch.catalog;

import org.homestretch.illustration.Drawing;
import org.homestretch.illustration.PdfFigure;
import org.homestretch.illustration.SvgWriter;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;

/** One exercise's figure, ready to draw: as SVG for a page, or as PDF vector paths for print. */
public final class ExerciseFigure {

    private final Drawing drawing;
    private final String label;

    ExerciseFigure(Drawing drawing, String label) {
        this.drawing = drawing;
        this.label = label;
    }

    /** A drawing labelled for print or a page; for features that draw a figure they already have. */
    public static ExerciseFigure of(Drawing drawing, String label) {
        return new ExerciseFigure(drawing, label);
    }

    /** A self-contained {@code <svg>} labelled with the exercise's name. */
    public String svg() {
        return SvgWriter.write(drawing, label);
    }

    /**
     * The figure as a PDF template (a form XObject) no larger than {@code maxWidth} × {@code maxHeight}
     * points, keeping its proportions. Wrap it in an {@code Image} to place it in a table cell.
     */
    public PdfTemplate pdf(PdfContentByte canvas, float maxWidth, float maxHeight) {
        float scale = (float) Math.min(maxWidth / drawing.width(), maxHeight / drawing.height());
        return PdfFigure.template(canvas, drawing, scale);
    }

    /** Width over height, for laying out a frame around it. */
    public double aspectRatio() {
        return drawing.width() / drawing.height();
    }
}

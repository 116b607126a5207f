package org.homestretch.adherence;

import org.openpdf.text.Element;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;

import java.awt.Color;

/**
 * Draws a {@link Drawing} with OpenPDF's content stream: the same shapes as the SVG, scaled to
 * fit, with the y axis flipped (PDF counts from the bottom of the page).
 */
final class PdfDrawing {

    private PdfDrawing() {
    }

    /** Draws at {@code left}, {@code top} (page coordinates), {@code scale} points per drawing unit. */
    static void draw(Drawing d, PdfContentByte cb, float left, float top, float scale, BaseFont regular,
                     BaseFont bold) {
        cb.saveState();
        for (Drawing.Shape shape : d.shapes) {
            switch (shape) {
                case Drawing.Line l -> {
                    cb.setColorStroke(color(l.ink()));
                    cb.setLineWidth(l.width() * scale);
                    if (l.dashed()) {
                        cb.setLineDash(4 * scale, 3 * scale, 0);
                    }
                    cb.moveTo(left + l.x1() * scale, top - l.y1() * scale);
                    cb.lineTo(left + l.x2() * scale, top - l.y2() * scale);
                    cb.stroke();
                    cb.setLineDash(0);
                }
                case Drawing.Box b -> {
                    cb.roundRectangle(left + b.x() * scale, top - (b.y() + b.h()) * scale, b.w() * scale,
                            b.h() * scale, 3 * scale);
                    if (b.fill() != null) {
                        cb.setColorFill(color(b.fill()));
                    }
                    if (b.stroke() != null) {
                        cb.setColorStroke(color(b.stroke()));
                        cb.setLineWidth(0.75f * scale);
                    }
                    if (b.fill() != null && b.stroke() != null) {
                        cb.fillStroke();
                    } else if (b.fill() != null) {
                        cb.fill();
                    } else if (b.stroke() != null) {
                        cb.stroke();
                    } else {
                        cb.newPath();
                    }
                }
                case Drawing.Dot c -> {
                    cb.setColorFill(color(c.fill()));
                    cb.circle(left + c.cx() * scale, top - c.cy() * scale, c.r() * scale);
                    cb.fill();
                }
                case Drawing.Path p -> {
                    if (p.points().size() > 1) {
                        cb.setColorStroke(color(p.ink()));
                        cb.setLineWidth(p.width() * scale);
                        cb.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
                        float[] first = p.points().getFirst();
                        cb.moveTo(left + first[0] * scale, top - first[1] * scale);
                        for (float[] point : p.points().subList(1, p.points().size())) {
                            cb.lineTo(left + point[0] * scale, top - point[1] * scale);
                        }
                        cb.stroke();
                    }
                }
                case Drawing.Label t -> {
                    cb.beginText();
                    cb.setFontAndSize(t.bold() ? bold : regular, t.size() * scale);
                    cb.setColorFill(color(t.ink()));
                    int align = switch (t.anchor()) {
                        case START -> Element.ALIGN_LEFT;
                        case MIDDLE -> Element.ALIGN_CENTER;
                        case END -> Element.ALIGN_RIGHT;
                    };
                    cb.showTextAligned(align, t.text(), left + t.x() * scale, top - t.y() * scale, 0);
                    cb.endText();
                }
            }
        }
        cb.restoreState();
    }

    private static Color color(Drawing.Ink ink) {
        return new Color(ink.rgb());
    }
}

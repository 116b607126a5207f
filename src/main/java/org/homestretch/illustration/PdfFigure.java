package org.homestretch.illustration;

import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;

import java.util.List;

/**
 * Draws a drawing as PDF vector paths into a template (a form XObject), so a figure costs a few
 * hundred bytes, prints sharp at any size, and can be placed like an image.
 */
public final class PdfFigure {

    private PdfFigure() {
    }

    /** A template {@code scale} points per drawing unit; the caller places it (for example in an Image). */
    public static PdfTemplate template(PdfContentByte canvas, Drawing d, float scale) {
        float w = (float) d.width() * scale, h = (float) d.height() * scale;
        PdfTemplate t = canvas.createTemplate(w, h);
        t.setLineCap(PdfContentByte.LINE_CAP_ROUND);
        t.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
        for (Shape s : d.shapes()) {
            switch (s) {
                case Shape.Capsule c -> {
                    t.setColorStroke(c.tone().color());
                    t.setLineWidth((float) (2 * c.r()) * scale);
                    t.moveTo(x(c.a(), scale), y(c.a(), d, scale));
                    t.lineTo(x(c.b(), scale), y(c.b(), d, scale));
                    t.stroke();
                }
                case Shape.Disc c -> {
                    t.setColorFill(c.tone().color());
                    t.circle(x(c.centre(), scale), y(c.centre(), d, scale), (float) c.r() * scale);
                    t.fill();
                }
                case Shape.Polygon p -> {
                    t.setColorFill(p.tone().color());
                    t.setColorStroke(p.tone().color());
                    t.setLineWidth(2 * scale);
                    path(t, p.points(), d, scale);
                    t.closePathFillStroke();
                }
                case Shape.Stroke st -> {
                    t.setColorStroke(st.tone().color());
                    t.setLineWidth((float) st.width() * scale);
                    path(t, st.points(), d, scale);
                    t.stroke();
                }
            }
        }
        return t;
    }

    private static void path(PdfTemplate t, List<Vec> points, Drawing d, float scale) {
        for (int i = 0; i < points.size(); i++) {
            if (i == 0) {
                t.moveTo(x(points.get(i), scale), y(points.get(i), d, scale));
            } else {
                t.lineTo(x(points.get(i), scale), y(points.get(i), d, scale));
            }
        }
    }

    private static float x(Vec v, float scale) {
        return (float) v.x() * scale;
    }

    // PDF's y axis points up; the drawing's points down.
    private static float y(Vec v, Drawing d, float scale) {
        return (float) (d.height() - v.y()) * scale;
    }
}

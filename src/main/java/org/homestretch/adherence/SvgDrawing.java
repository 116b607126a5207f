package org.homestretch.adherence;

import org.homestretch.base.XmlText;

import java.util.Locale;

/** Writes a {@link Drawing} as an inline SVG element; all text is escaped. */
final class SvgDrawing {

    private SvgDrawing() {
    }

    static String svg(Drawing d) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"hs-chart\" viewBox=\"0 0 ")
                .append(n(d.width)).append(' ').append(n(d.height))
                // Scales down to the column it sits in, never up past its drawn size, keeping its shape.
                .append("\" style=\"width:100%;height:auto;max-width:").append(n(d.width)).append("px\" aria-label=\"").append(XmlText.escape(d.description))
                .append("\" font-family=\"inherit\">");
        out.append("<title>").append(XmlText.escape(d.description)).append("</title>");
        for (Drawing.Shape shape : d.shapes) {
            switch (shape) {
                case Drawing.Line l -> out.append("<line x1=\"").append(n(l.x1())).append("\" y1=\"").append(n(l.y1()))
                        .append("\" x2=\"").append(n(l.x2())).append("\" y2=\"").append(n(l.y2()))
                        .append("\" stroke=\"").append(l.ink().hex()).append("\" stroke-width=\"").append(n(l.width()))
                        .append(l.dashed() ? "\" stroke-dasharray=\"4 3" : "").append("\"/>");
                case Drawing.Box b -> {
                    out.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"")
                            .append(n(b.w())).append("\" height=\"").append(n(b.h())).append("\" rx=\"3\" fill=\"")
                            .append(b.fill() == null ? "none" : b.fill().hex()).append('"');
                    if (b.stroke() != null) {
                        out.append(" stroke=\"").append(b.stroke().hex()).append('"');
                    }
                    if (b.title() != null) {
                        out.append("><title>").append(XmlText.escape(b.title())).append("</title></rect>");
                    } else {
                        out.append("/>");
                    }
                }
                case Drawing.Dot c -> {
                    out.append("<circle cx=\"").append(n(c.cx())).append("\" cy=\"").append(n(c.cy())).append("\" r=\"")
                            .append(n(c.r())).append("\" fill=\"").append(c.fill().hex()).append('"');
                    if (c.title() != null) {
                        out.append("><title>").append(XmlText.escape(c.title())).append("</title></circle>");
                    } else {
                        out.append("/>");
                    }
                }
                case Drawing.Path p -> {
                    out.append("<polyline fill=\"none\" stroke=\"").append(p.ink().hex()).append("\" stroke-width=\"")
                            .append(n(p.width())).append("\" stroke-linejoin=\"round\" points=\"");
                    for (float[] point : p.points()) {
                        out.append(n(point[0])).append(',').append(n(point[1])).append(' ');
                    }
                    out.append("\"/>");
                }
                case Drawing.Label t -> out.append("<text x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y()))
                        .append("\" font-size=\"").append(n(t.size())).append("\" fill=\"").append(t.ink().hex())
                        .append("\" text-anchor=\"").append(switch (t.anchor()) {
                            case START -> "start";
                            case MIDDLE -> "middle";
                            case END -> "end";
                        }).append(t.bold() ? "\" font-weight=\"bold" : "").append("\">").append(XmlText.escape(t.text()))
                        .append("</text>");
            }
        }
        return out.append("</svg>").toString();
    }

    private static String n(float value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

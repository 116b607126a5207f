package org.homestretch.illustration;

import org.homestretch.base.XmlText;

import java.util.List;
import java.util.Locale;

/**
 * Writes a drawing as a self-contained SVG element: a viewBox and no fixed size, so CSS sizes it;
 * {@code role="img"} with the label as its accessible name. Only the label comes from outside,
 * and it is escaped.
 */
public final class SvgWriter {

    private SvgWriter() {
    }

    public static String write(Drawing d, String label) {
        String name = XmlText.escape(label);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(n(d.width())).append(' ')
                .append(n(d.height())).append("\" role=\"img\" aria-label=\"").append(name)
                .append("\" class=\"hs-figure\"><title>").append(name).append("</title>");
        for (Shape s : d.shapes()) {
            switch (s) {
                case Shape.Capsule c -> svg.append("<line x1=\"").append(n(c.a().x())).append("\" y1=\"")
                        .append(n(c.a().y())).append("\" x2=\"").append(n(c.b().x())).append("\" y2=\"")
                        .append(n(c.b().y())).append("\" stroke=\"").append(c.tone().hex)
                        .append("\" stroke-width=\"").append(n(2 * c.r())).append("\" stroke-linecap=\"round\"/>");
                case Shape.Disc c -> svg.append("<circle cx=\"").append(n(c.centre().x())).append("\" cy=\"")
                        .append(n(c.centre().y())).append("\" r=\"").append(n(c.r())).append("\" fill=\"")
                        .append(c.tone().hex).append("\"/>");
                case Shape.Polygon p -> svg.append("<path d=\"").append(path(p.points())).append("Z\" fill=\"")
                        .append(p.tone().hex).append("\" stroke=\"").append(p.tone().hex)
                        .append("\" stroke-width=\"2\" stroke-linejoin=\"round\"/>");
                case Shape.Stroke st -> svg.append("<path d=\"").append(path(st.points()))
                        .append("\" fill=\"none\" stroke=\"").append(st.tone().hex).append("\" stroke-width=\"")
                        .append(n(st.width())).append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String path(List<Vec> points) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            d.append(i == 0 ? 'M' : 'L').append(n(points.get(i).x())).append(' ').append(n(points.get(i).y()));
        }
        return d.toString();
    }

    /** One decimal is finer than any screen or printer shows at these sizes, and keeps the markup small. */
    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.equals("-0") ? "0" : s;
    }
}

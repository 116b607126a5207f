package org.homestretch.adherence;

import org.homestretch.base.PdfFonts;
import org.openpdf.text.pdf.BaseFont;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart as plain shapes in points, origin top left: built once by {@link PainChart} or
 * {@link CalendarChart}, then written as SVG for the browser ({@link SvgDrawing}) and drawn
 * into the progress report ({@link PdfDrawing}), so both show the same picture.
 */
final class Drawing {

    /** A colour as 0xRRGGBB. */
    record Ink(int rgb) {
        static final Ink TEXT = new Ink(0x1f2933);
        static final Ink MUTED = new Ink(0x5f6b76);
        static final Ink GRID = new Ink(0xd5dbe0);
        static final Ink ACCENT = new Ink(0x1f6f8b);
        static final Ink LIGHT = new Ink(0x9fcad9);
        static final Ink EMPTY = new Ink(0xeef1f3);
        static final Ink WARN = new Ink(0xb3261e);
        static final Ink CHANGE = new Ink(0x8a5a00);
        static final Ink WHITE = new Ink(0xffffff);

        String hex() {
            return String.format("#%06x", rgb);
        }
    }

    enum Anchor { START, MIDDLE, END }

    sealed interface Shape permits Line, Box, Dot, Path, Label {
    }

    record Line(float x1, float y1, float x2, float y2, Ink ink, float width, boolean dashed) implements Shape {
    }

    /** A rectangle; {@code stroke} may be null; {@code title} becomes a tooltip in the browser. */
    record Box(float x, float y, float w, float h, Ink fill, Ink stroke, String title) implements Shape {
    }

    record Dot(float cx, float cy, float r, Ink fill, String title) implements Shape {
    }

    /** Connected points, each a pair {x, y}. */
    record Path(List<float[]> points, Ink ink, float width) implements Shape {
    }

    record Label(float x, float y, String text, float size, Anchor anchor, Ink ink, boolean bold) implements Shape {

        /**
         * Text centred on {@code x}, unless that would cross {@code min} or {@code max}: then it
         * starts at {@code min} or ends at {@code max}, so a label at the edge is never cut.
         */
        static Label centredWithin(float x, float y, String text, float size, Ink ink, boolean bold, float min,
                                   float max) {
            float half = estimatedWidth(text, size, bold) / 2;
            if (x - half < min) {
                return new Label(min, y, text, size, Anchor.START, ink, bold);
            }
            if (x + half > max) {
                return new Label(max, y, text, size, Anchor.END, ink, bold);
            }
            return new Label(x, y, text, size, Anchor.MIDDLE, ink, bold);
        }

        /**
         * The room the text takes, as {left, top, right, bottom}: its width in DejaVu Sans, the
         * PDF's font, plus 5 %. Browsers draw the SVG in the page's sans-serif, which is narrower.
         */
        float[] box() {
            float w = estimatedWidth(text, size, bold);
            float left = switch (anchor) {
                case START -> x;
                case MIDDLE -> x - w / 2;
                case END -> x - w;
            };
            return new float[]{left, y - size * 0.8f, left + w, y + size * 0.25f};
        }

        static float estimatedWidth(String text, float size, boolean bold) {
            return (bold ? Metrics.BOLD : Metrics.REGULAR).getWidthPoint(text, size) * 1.05f;
        }

        /** Whether two labels' boxes, kept {@code gap} apart, touch. */
        boolean overlaps(Label other, float gap) {
            float[] a = box(), b = other.box();
            return a[0] < b[2] + gap && b[0] < a[2] + gap && a[1] < b[3] + gap && b[1] < a[3] + gap;
        }
    }

    /** Font metrics only, read once: nothing is drawn with these. */
    private static final class Metrics {
        static final BaseFont REGULAR = PdfFonts.regular();
        static final BaseFont BOLD = PdfFonts.bold();
    }

    final float width;
    final float height;
    final String description;
    final List<Shape> shapes = new ArrayList<>();

    /** {@code description} is read out by screen readers and printed nowhere. */
    Drawing(float width, float height, String description) {
        this.width = width;
        this.height = height;
        this.description = description;
    }

    Drawing add(Shape shape) {
        shapes.add(shape);
        return this;
    }
}

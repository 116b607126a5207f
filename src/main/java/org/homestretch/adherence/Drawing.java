package org.homestretch.adherence;

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

package org.homestretch.illustration;

import java.util.List;

/** A finished figure: shapes in drawing units, y down, inside a {@code width} × {@code height} frame. */
public record Drawing(List<Shape> shapes, double width, double height) {
    public Drawing {
        shapes = List.copyOf(shapes);
    }
}

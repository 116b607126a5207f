package org.homestretch.catalog;

import com.vaadin.flow.component.Html;

/**
 * Puts a figure's SVG on a page without any client-side code. Only markup from
 * {@link ExerciseFigures} goes in, and the class name is one of ours, so nothing typed by a user
 * reaches the page unescaped.
 */
public final class FigureHtml {

    private FigureHtml() {
    }

    /** The SVG in a {@code div} with {@code className} (for example "hs-figure-small"), which CSS sizes. */
    public static Html of(String svg, String className) {
        if (!className.matches("[a-z-]+")) {
            throw new IllegalArgumentException("Not a class name: " + className);
        }
        return new Html("<div class=\"hs-figure-box " + className + "\">" + svg + "</div>");
    }
}

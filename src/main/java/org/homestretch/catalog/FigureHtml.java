package org.homestretch.catalog;

import com.vaadin.flow.component.html.Div;

/**
 * Puts a figure's SVG on a page without any client-side code. Only markup from
 * {@link ExerciseFigures} goes in, and the class name is one of ours, so nothing typed by a user
 * reaches the page unescaped.
 */
public final class FigureHtml {

    private FigureHtml() {
    }

    /**
     * The SVG in a {@code div} with {@code className} (for example "hs-figure-small"), which CSS sizes.
     * The markup is the div's {@code innerHTML} as given, not parsed again as Vaadin's {@code Html}
     * does: the same string object is then shared by every open screen that shows the figure
     * instead of one copy each (see {@link ExerciseFigures}).
     */
    public static Div of(String svg, String className) {
        if (!className.matches("[a-z-]+")) {
            throw new IllegalArgumentException("Not a class name: " + className);
        }
        Div box = new Div();
        box.addClassNames("hs-figure-box", className);
        box.getElement().setProperty("innerHTML", svg);
        return box;
    }

    /** The markup inside a box made by {@link #of}. */
    public static String markup(Div box) {
        return box.getElement().getProperty("innerHTML", "");
    }
}

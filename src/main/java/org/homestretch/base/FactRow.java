package org.homestretch.base;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A label and its value on a record page ("Date of birth  2 April 1951"), styled as one grid row. */
public class FactRow extends Div {

    public FactRow(String label, String value) {
        addClassName("hs-fact");
        Span l = new Span(label);
        l.addClassName("hs-fact-label");
        Span v = new Span(value);
        v.addClassName("hs-fact-value");
        add(l, v);
    }
}

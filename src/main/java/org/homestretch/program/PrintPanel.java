package org.homestretch.program;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

/**
 * The editor's "Print handout" link with its options. It prints only a saved version: while the
 * draft on screen differs, the link is switched off and says why, so nobody hands a patient a
 * sheet without the changes they just made. Linked by URL rather than by calling the handout
 * feature, which depends on this one.
 */
final class PrintPanel extends Div {

    final Anchor link = new Anchor();
    final Checkbox largePrint = new Checkbox("Large print");
    final Checkbox paperLog = new Checkbox("Add a two-week paper log");
    final Span note = new Span();
    private ProgramVersion latest;
    private boolean unsaved;

    PrintPanel() {
        addClassName("hs-print-panel");
        FlexLayout row = new FlexLayout(link, largePrint, paperLog);
        row.addClassNames("hs-actions", "hs-print");
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        link.setTarget(AnchorTarget.BLANK);
        link.setRouterIgnore(true);
        note.addClassName("hs-print-note");
        largePrint.addValueChangeListener(e -> update());
        paperLog.addValueChangeListener(e -> update());
        add(row, note);
        setVisible(false);
    }

    /** The newest saved version (null before the first save) and whether the screen differs from it. */
    void show(ProgramVersion newest, boolean unsavedChanges) {
        latest = newest;
        unsaved = unsavedChanges;
        update();
    }

    private void update() {
        setVisible(latest != null);
        if (latest == null) {
            return;
        }
        note.setVisible(unsaved);
        if (unsaved) {
            link.removeHref();
            link.getElement().setAttribute("aria-disabled", "true");
            link.setText("Print handout: save your changes first");
            note.setText("Your changes on screen are not saved. Version " + latest.number()
                    + " on paper would not have them.");
            return;
        }
        link.getElement().removeAttribute("aria-disabled");
        link.setHref("handouts/" + latest.id().value() + ".pdf?largePrint=" + largePrint.getValue()
                + "&log=" + paperLog.getValue());
        link.setText("Print handout (version " + latest.number() + ")");
    }
}

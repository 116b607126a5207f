package org.homestretch.base;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/**
 * A number shown next to a side-navigation entry, such as the unreviewed warning signs next to
 * "Home". Implemented as a bean by the feature that owns the entry, so that the shell does not
 * depend on it. The shell reads it after each navigation and when told by {@link #changed}.
 */
public interface MenuCount {

    /** The entry's route, as in its {@code @Route} ("" for the start page). */
    String path();

    /** How many, for the signed-in user; 0 shows nothing. */
    int count();

    /** The count in words, for screen readers and the tooltip: "2 unreviewed warning signs". */
    String describe(int count);

    /** Tells the shell of this UI to read its counts again, for example after "Mark reviewed". */
    static void changed(UI ui) {
        ComponentUtil.fireEvent(ui, new Changed(ui));
    }

    /** Fired on the UI by {@link #changed}. */
    final class Changed extends ComponentEvent<UI> {
        Changed(UI ui) {
            super(ui, false);
        }
    }
}

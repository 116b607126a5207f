package org.homestretch.base;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeLeaveEvent;

import java.util.List;
import java.util.Map;

/** Shared form behaviour: service messages next to their fields, and asking before edits are lost. */
public final class FormMessages {

    private FormMessages() {
    }

    /**
     * Puts each problem next to the field it names; problems without a known field go into
     * {@code formError}, shown above the buttons.
     */
    public static void show(List<FieldProblem> problems, Map<String, ? extends HasValidation> fields, Div formError) {
        StringBuilder general = new StringBuilder();
        for (FieldProblem problem : problems) {
            HasValidation field = problem.field() == null ? null : fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(problem.message());
                field.setInvalid(true);
            } else {
                general.append(problem.message()).append(' ');
            }
        }
        if (!general.isEmpty()) {
            formError.setText(general.toString().strip());
            formError.setVisible(true);
        }
    }

    public static void clear(Map<String, ? extends HasValidation> fields, Div formError) {
        fields.values().forEach(f -> f.setInvalid(false));
        formError.setVisible(false);
    }

    /** Holds a navigation away from unsaved edits until the user chooses to discard them. */
    public static void confirmLeave(BeforeLeaveEvent event, String what, Runnable onDiscard) {
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog("Leave without saving?",
                "Your changes to this " + what + " are not saved yet.", "Leave and discard", e -> {
                    onDiscard.run();
                    action.proceed();
                });
        dialog.setCancelable(true);
        dialog.setCancelText("Keep editing");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}

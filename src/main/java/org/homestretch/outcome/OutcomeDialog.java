package org.homestretch.outcome;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.homestretch.base.DateFields;
import org.homestretch.base.FieldProblem;
import org.homestretch.base.FormMessages;
import org.homestretch.patient.PatientId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records one score from a visit: for the PSFS up to five activities (the last PSFS's are filled
 * in, since the scale asks about the same ones each time) each with 0–10; for the NPRS one
 * number. Problems appear next to their fields and nothing is stored until all are fixed.
 */
class OutcomeDialog extends Dialog {

    final DatePicker takenOn = new DatePicker("Day taken");
    final List<TextField> labels = new ArrayList<>();
    final List<IntegerField> scores = new ArrayList<>();
    final Button save = new Button("Save");
    private final Div formError = new Div();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    OutcomeDialog(OutcomeService outcomes, PatientId patient, Measure measure, Runnable onSaved) {
        setHeaderTitle(measure == Measure.PSFS ? "Record PSFS" : "Record pain (NPRS)");
        DateFields.useClinicStyle(takenOn, outcomes.dateStyle());
        takenOn.setValue(outcomes.today());
        fields.put("takenOn", takenOn);
        Paragraph hint = new Paragraph(measure == Measure.PSFS
                ? "3 to 5 activities the patient finds hard. For each: 0 = unable to do it, 10 = as well as before the problem."
                : "Pain right now: 0 = no pain, 10 = the worst pain imaginable.");
        hint.addClassName("hs-hint");
        add(hint, takenOn);
        List<String> last = measure == Measure.PSFS ? outcomes.lastActivities(patient) : List.of();
        for (int i = 0; i < measure.maxItems(); i++) {
            IntegerField score = new IntegerField(measure == Measure.PSFS ? "Score (0\u201310)" : "Pain now (0\u201310)");
            score.setMin(measure.minScore());
            score.setMax(measure.maxScore());
            score.setStepButtonsVisible(true);
            scores.add(score);
            fields.put("score" + i, score);
            FlexLayout row = new FlexLayout();
            row.addClassName("hs-form-row");
            if (measure.maxItems() > 1) {
                TextField label = new TextField("Activity " + (i + 1) + (i < measure.minItems() ? "" : " (optional)"));
                label.setMaxLength(OutcomeEntry.MAX_LABEL);
                label.setWidth("20rem");
                if (i < last.size()) {
                    label.setValue(last.get(i));
                }
                labels.add(label);
                fields.put("label" + i, label);
                row.add(label);
            }
            row.add(score);
            add(row);
        }
        formError.addClassName("hs-form-error");
        formError.setVisible(false);
        add(formError);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save(outcomes, patient, measure, onSaved));
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private void save(OutcomeService outcomes, PatientId patient, Measure measure, Runnable onSaved) {
        FormMessages.clear(fields, formError);
        List<FieldProblem> unreadable = new ArrayList<>();
        if (!DateFields.readable(takenOn)) {
            unreadable.add(new FieldProblem("takenOn", takenOn.getErrorMessage()));
        }
        for (int i = 0; i < scores.size(); i++) {
            // Text that is not a number reads as empty: say so rather than drop the row.
            if (scores.get(i).getDefaultValidator().apply(scores.get(i).getValue(), null).isError()) {
                unreadable.add(new FieldProblem("score" + i, "Enter a whole number from " + measure.minScore()
                        + " to " + measure.maxScore() + "."));
            }
        }
        OutcomeEntry entry = new OutcomeEntry(measure, takenOn.getValue(),
                labels.stream().map(TextField::getValue).toList(),
                scores.stream().map(IntegerField::getValue).toList());
        try {
            if (!unreadable.isEmpty()) {
                // Every problem at once: the unreadable fields, then the rest of the rules.
                List<String> named = unreadable.stream().map(FieldProblem::field).toList();
                entry.problems(outcomes.today()).stream().filter(p -> !named.contains(p.field()))
                        .forEach(unreadable::add);
                throw new OutcomeException(unreadable);
            }
            outcomes.record(patient, entry);
        } catch (OutcomeException e) {
            FormMessages.show(e.problems(), fields, formError);
            return;
        }
        Notification.show(measure.shortName() + " score saved.", 3000, Notification.Position.BOTTOM_START);
        close();
        onSaved.run();
    }
}

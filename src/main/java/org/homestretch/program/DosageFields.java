package org.homestretch.program;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dosage inputs of one program item, reporting every change as a whole dosage. Minutes is
 * for timed activities such as walking; with minutes set, the count fields step aside.
 */
class DosageFields extends Div {

    final IntegerField sets = field("Sets", Dosage.SETS_MIN, Dosage.SETS_MAX);
    final IntegerField repetitions = field("Repetitions", Dosage.REPETITIONS_MIN, Dosage.REPETITIONS_MAX);
    final IntegerField holdSeconds = field("Hold (s)", Dosage.HOLD_MIN, Dosage.HOLD_MAX);
    final Select<Sides> sides = new Select<>();
    final IntegerField timesPerDay = field("Times a day", Dosage.TIMES_PER_DAY_MIN, Dosage.TIMES_PER_DAY_MAX);
    final IntegerField daysPerWeek = field("Days a week", Dosage.DAYS_PER_WEEK_MIN, Dosage.DAYS_PER_WEEK_MAX);
    final IntegerField minutes = field("Minutes", Dosage.MINUTES_MIN, Dosage.MINUTES_MAX);

    private final Map<String, HasValidation> byName;

    DosageFields(Dosage dosage, Consumer<Dosage> onChange) {
        addClassName("hs-dosage-fields");
        sides.setLabel("Sides");
        sides.setItems(Sides.values());
        sides.setItemLabelGenerator(Sides::label);
        sets.setValue(dosage.sets());
        repetitions.setValue(dosage.repetitions());
        holdSeconds.setValue(dosage.holdSeconds());
        sides.setValue(dosage.sides());
        timesPerDay.setValue(dosage.timesPerDay());
        daysPerWeek.setValue(dosage.daysPerWeek());
        minutes.setValue(dosage.minutes());
        minutes.setHelperText("0, or minutes for a walk");
        byName = Map.of("sets", sets, "repetitions", repetitions, "holdSeconds", holdSeconds, "sides", sides,
                "timesPerDay", timesPerDay, "daysPerWeek", daysPerWeek, "minutes", minutes);
        for (IntegerField f : List.of(sets, repetitions, holdSeconds, timesPerDay, daysPerWeek, minutes)) {
            f.addValueChangeListener(e -> onChange.accept(read()));
        }
        sides.addValueChangeListener(e -> onChange.accept(read()));
        minutes.addValueChangeListener(e -> showTimed());
        add(sets, repetitions, holdSeconds, sides, minutes, timesPerDay, daysPerWeek);
        showTimed();
    }

    /**
     * A walk is dosed in minutes only: the count fields are hidden while minutes are set, unless
     * one of them holds something other than its timed value, so nothing typed is hidden.
     */
    private void showTimed() {
        boolean timed = minutes.getValue() != null && minutes.getValue() > 0;
        sets.setVisible(!timed || value(sets) != 1);
        repetitions.setVisible(!timed || value(repetitions) != 1);
        holdSeconds.setVisible(!timed || value(holdSeconds) != 0);
        sides.setVisible(!timed || sides.getValue() != Sides.NONE);
        // A counted exercise shows minutes only when set, so the usual card stays as it was.
        minutes.setVisible(timed || minutes.getValue() == null || minutes.getValue() != 0);
    }

    /** An empty field reads as -1, so the range check names it instead of guessing a value. */
    Dosage read() {
        return new Dosage(value(sets), value(repetitions), value(holdSeconds), sides.getValue(), value(timesPerDay),
                value(daysPerWeek), value(minutes));
    }

    HasValidation field(String name) {
        return byName.get(name);
    }

    void clearProblems() {
        byName.values().forEach(f -> f.setInvalid(false));
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private static IntegerField field(String label, int min, int max) {
        IntegerField field = new IntegerField(label);
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        // Sent as typed, not on blur: the print link must know of an edit before the pointer
        // reaches it, and a debounced value would arrive after a click that rebuilt the card.
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        field.setHelperText(min + "–" + max);
        return field;
    }
}

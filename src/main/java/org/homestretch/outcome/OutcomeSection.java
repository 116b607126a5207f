package org.homestretch.outcome;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import org.homestretch.base.DateStyle;
import org.homestretch.patient.PatientId;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Outcome measures" on a patient's page: a chart and a sentence per measure, and buttons to
 * record a score from a visit. Its own component, so the page that shows it adds one line.
 */
public class OutcomeSection extends Div {

    final Button recordPsfs;
    final Button recordPain;
    final Div measures = new Div();
    /** The weekday the phone asks; empty selection: the weekday the program started. */
    final Select<DayOfWeek> weekday = new Select<>();
    private final OutcomeService outcomes;
    private final PatientId patient;

    public OutcomeSection(OutcomeService outcomes, PatientId patient) {
        this.outcomes = outcomes;
        this.patient = patient;
        addClassNames("hs-section", "hs-outcomes");
        recordPsfs = new Button("Record PSFS", VaadinIcon.PLUS.create(),
                click -> new OutcomeDialog(outcomes, patient, Measure.PSFS, this::refresh).open());
        recordPain = new Button("Record pain (NPRS)", VaadinIcon.PLUS.create(),
                click -> new OutcomeDialog(outcomes, patient, Measure.NPRS, this::refresh).open());
        recordPsfs.addThemeVariants(ButtonVariant.SMALL);
        recordPain.addThemeVariants(ButtonVariant.SMALL);
        FlexLayout actions = new FlexLayout(recordPsfs, recordPain);
        actions.addClassName("hs-actions");
        measures.addClassName("hs-chart-row");
        add(new H3("Outcome measures"), actions, weekdayChoice(), measures);
        refresh();
    }

    /**
     * The weekly question on the patient's phone: which day it comes. Saved on change, like a
     * setting; without a choice it follows the program's first day.
     */
    private Select<DayOfWeek> weekdayChoice() {
        OutcomeService.Schedule schedule = outcomes.schedule(patient);
        weekday.setLabel("Weekly question on the patient's phone");
        weekday.setHelperText("Pain now and the PSFS activities, once a week. If the patient misses the day, "
                + "their phone asks at the next visit that week.");
        weekday.setItems(DayOfWeek.values());
        String byDefault = schedule.programStart()
                .map(start -> dayName(start.getDayOfWeek()) + " (the day the program started)")
                .orElse("The day the program starts");
        // The empty choice is asked for its label too.
        weekday.setItemLabelGenerator(day -> day == null ? byDefault : dayName(day));
        weekday.setEmptySelectionAllowed(true);
        weekday.setEmptySelectionCaption(byDefault);
        weekday.setValue(schedule.chosen().orElse(null));
        weekday.setWidth("22rem");
        // Set before the listener, so that only the therapist's choice is saved.
        weekday.addValueChangeListener(change -> {
            outcomes.setWeekday(patient, change.getValue());
            Notification.show("Weekly question: " + outcomes.schedule(patient).effective()
                    .map(OutcomeSection::dayName).orElse("from the day the program starts") + ".");
        });
        return weekday;
    }

    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s";
    }

    /** Redraws the charts, after a score was saved. */
    void refresh() {
        measures.removeAll();
        DateStyle style = outcomes.dateStyle();
        for (Map.Entry<Measure, List<OutcomeScore>> e : outcomes.history(patient).entrySet()) {
            Measure measure = e.getKey();
            List<OutcomeScore> history = e.getValue();
            Div box = new Div(new H4(measure.name() + " (" + (measure.higherIsBetter() ? "higher" : "lower")
                    + " is better)"));
            box.addClassNames("hs-section", "hs-outcome");
            box.setId("outcome-" + measure.id().toLowerCase(java.util.Locale.ROOT));
            if (history.isEmpty()) {
                box.add(new Paragraph("No " + measure.shortName() + " score yet. The first one is the baseline."));
            } else {
                Svg chart = new Svg(OutcomeChart.svg(measure, history, style));
                chart.addClassName("hs-chart-box");
                Paragraph change = new Paragraph(Change.describe(history, style));
                change.addClassName("hs-outcome-change");
                box.add(chart, change);
            }
            measures.add(box);
        }
    }
}

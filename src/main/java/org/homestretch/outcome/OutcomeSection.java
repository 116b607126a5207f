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

import java.util.List;
import java.util.Map;

/**
 * "Outcome measures" on a patient's page: a chart and a sentence per measure, and buttons to
 * record a score from a visit. Its own component, so the page that shows it adds one line.
 */
public class OutcomeSection extends Div {

    final Button recordPsfs;
    final Button recordPain;
    final Div measures = new Div();
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
        add(new H3("Outcome measures"), actions, measures);
        refresh();
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

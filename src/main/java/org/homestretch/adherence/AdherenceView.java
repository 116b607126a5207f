package org.homestretch.adherence;

import org.homestretch.clinic.ClinicService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneId;
import java.util.EnumSet;

/**
 * Who needs attention, most urgent first: a warning symptom, pain, no check-in, low adherence.
 * Each reason is a badge with its figure; a row opens the patient's adherence page. Loaded a
 * page at a time; the sort and the figures come from one query.
 */
@Route("adherence")
@PageTitle("Adherence review")
@Menu(order = 6, title = "Adherence review", icon = "vaadin:heart")
@PermitAll
public class AdherenceView extends Main {

    static final String MINE = "My patients";
    static final String ALL = "All clinic";

    private final AdherenceService adherence;
    private final ZoneId zone;

    final RadioButtonGroup<String> whose = new RadioButtonGroup<>();
    final CheckboxGroup<Reason> reasons = new CheckboxGroup<>();
    final Grid<Attention> grid = new Grid<>();
    final Span resultCount = new Span();

    AdherenceView(AdherenceService adherence, ClinicService clinics) {
        this.adherence = adherence;
        this.zone = clinics.current().timeZone();
        addClassNames("hs-page", "hs-adherence");

        whose.setItems(MINE, ALL);
        whose.setValue(MINE);
        whose.setAriaLabel("Whose patients");
        reasons.setLabel("Only patients flagged for");
        reasons.setItems(EnumSet.allOf(Reason.class));
        reasons.setItemLabelGenerator(Reason::label);
        FlexLayout filters = new FlexLayout(whose, reasons);
        filters.addClassName("hs-filters");

        grid.addComponentColumn(this::patientCell).setKey("patient").setHeader("Patient").setFlexGrow(2);
        grid.addComponentColumn(this::badgesCell).setKey("reasons").setHeader("Needs attention").setFlexGrow(5);
        grid.addComponentColumn(a -> figure(a.week())).setKey("week").setHeader("Last 7 days").setFlexGrow(1);
        grid.addComponentColumn(a -> figure(a.month())).setKey("month").setHeader("Last 30 days").setFlexGrow(1);
        grid.addColumn(a -> a.lastCheckin() == null ? "Never" : Badges.ago(a.quietDays()))
                .setKey("last").setHeader("Last check-in").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("hs-adherence-grid");
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setItems(q -> adherence.page(query(), q.getOffset(), q.getLimit()).stream(), q -> {
            int count = adherence.count(query());
            resultCount.setText(count == 1 ? "1 patient" : count + " patients");
            return count;
        });
        whose.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        reasons.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        resultCount.addClassName("hs-result-count");

        Paragraph lead = new Paragraph("Patients with a home program, most in need of attention first. "
                + "Open a patient to see their calendar, pain and comments, and to mark a flag as reviewed.");
        lead.addClassName("hs-adherence-lead");
        add(lead, filters, resultCount, grid);
    }

    AdherenceService.DashboardQuery query() {
        return new AdherenceService.DashboardQuery(MINE.equals(whose.getValue()), reasons.getValue());
    }

    private void open(Attention a) {
        getUI().ifPresent(ui -> ui.navigate("patients/" + a.patientId().value() + "/adherence"));
    }

    private Component patientCell(Attention a) {
        Span name = new Span(a.displayName());
        name.addClassName("hs-exercise-name");
        Span since = new Span("program since " + PatientAdherenceView.DAY.format(a.began()));
        since.addClassName("hs-muted");
        Div cell = new Div(name, since);
        cell.addClassName("hs-patient-cell");
        return cell;
    }

    private Component badgesCell(Attention a) {
        Div cell = new Div();
        cell.addClassName("hs-flags");
        Badges.of(a, zone).forEach(cell::add);
        if (a.reasons().isEmpty()) {
            Span fine = new Span("On track");
            fine.addClassName("hs-on-track");
            cell.add(fine);
        }
        return cell;
    }

    private static Component figure(Figure f) {
        Span percent = new Span(f.percentText());
        percent.addClassName("hs-figure");
        if (f.defined() && f.ratio() < 0.5) {
            percent.addClassName("hs-figure-low");
        }
        Span count = new Span(f.defined() ? Math.round(f.done()) + "/" + Math.round(f.prescribed()) : "");
        count.addClassName("hs-muted");
        Div cell = new Div(percent, count);
        cell.addClassName("hs-figure-cell");
        return cell;
    }
}

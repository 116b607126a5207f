package org.homestretch.clinic;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditActionLabels;
import org.homestretch.audit.AuditActor;
import org.homestretch.audit.AuditCheckWords;
import org.homestretch.audit.AuditFilter;
import org.homestretch.audit.AuditRow;
import org.homestretch.audit.AuditTrail;
import org.homestretch.audit.AuditVerifier;
import org.homestretch.base.DateFields;
import org.homestretch.base.DateStyle;
import org.homestretch.security.Role;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Settings → Audit trail: who did what to which patient, when and from where, newest first and
 * loaded page by page; filters, a CSV of what is shown, and a check that nothing was tampered with.
 */
@Route("settings/audit")
@PageTitle("Settings · Audit trail")
@Menu(order = 91, title = "Audit trail", icon = "vaadin:records")
@RolesAllowed(Role.ADMIN_NAME)
public class AuditTrailView extends Main {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private final AuditTrail trail;
    private final ZoneId zone;
    private final DateStyle dates;

    final ComboBox<AuditActor> who = new ComboBox<>("Who");
    final TextField patient = new TextField("Patient");
    final ComboBox<AuditAction> action = new ComboBox<>("Action");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Span resultCount = new Span();
    final Grid<AuditRow> grid = new Grid<>();
    final Button check = new Button("Check the record", VaadinIcon.SHIELD.create());
    final Div checkResult = new Div();
    final Anchor csv;
    /** The filter the grid shows; only replaced when every field could be read. */
    private AuditFilter filter = AuditFilter.NONE;

    AuditTrailView(AuditTrail trail, ClinicService clinics) {
        this.trail = trail;
        Clinic clinic = clinics.current();
        this.zone = clinic.timeZone();
        this.dates = clinic.dateStyle();
        addClassNames("hs-page", "hs-audit");

        who.setItems(trail.actors());
        who.setItemLabelGenerator(AuditActor::label);
        who.setClearButtonVisible(true);
        who.setPlaceholder("Anyone");
        patient.setPlaceholder("Any patient");
        patient.setClearButtonVisible(true);
        patient.setValueChangeMode(ValueChangeMode.LAZY);
        action.setItems(Arrays.stream(AuditAction.values())
                .sorted(Comparator.comparing(AuditActionLabels::label)).toList());
        action.setItemLabelGenerator(AuditActionLabels::label);
        action.setClearButtonVisible(true);
        action.setPlaceholder("Any action");
        DateFields.useClinicStyle(from, dates);
        DateFields.useClinicStyle(to, dates);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        FlexLayout filters = new FlexLayout(who, patient, action, from, to);
        filters.addClassName("hs-filters");

        csv = new Anchor(csvDownload(), AttachmentType.DOWNLOAD, "");
        csv.add(VaadinIcon.TABLE.create(), new Span("Export shown entries (CSV)"));
        csv.addClassName("hs-download");
        check.addClickListener(click -> check());
        checkResult.addClassName("hs-audit-check");
        checkResult.setVisible(false);
        FlexLayout actions = new FlexLayout(check, csv);
        actions.addClassName("hs-actions");

        grid.addColumn(r -> when(r.occurredAt())).setKey("when").setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditTrailView.who()).setKey("who").setHeader("Who").setFlexGrow(4);
        grid.addColumn(AuditRow::actionLabel).setKey("action").setHeader("Action").setFlexGrow(3);
        grid.addColumn(AuditRow::patient).setKey("patient").setHeader("Patient").setFlexGrow(2);
        grid.addColumn(AuditRow::detail).setKey("detail").setHeader("Detail").setFlexGrow(1);
        grid.addColumn(AuditRow::address).setKey("address").setHeader("Address").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("hs-grid");
        grid.setItems(q -> trail.entries(filter, q.getOffset(), q.getLimit()).stream(), q -> {
            int count = trail.count(filter);
            resultCount.setText(count == 1 ? "1 entry" : count + " entries");
            return count;
        });
        resultCount.addClassName("hs-result-count");

        who.addValueChangeListener(e -> applyFilters());
        patient.addValueChangeListener(e -> applyFilters());
        action.addValueChangeListener(e -> applyFilters());
        from.addValueChangeListener(e -> applyFilters());
        to.addValueChangeListener(e -> applyFilters());

        add(new Paragraph("Who did what to which patient, when and from which address. Entries cannot be "
                + "changed or removed; the check finds any that were."), actions, checkResult, filters, resultCount, grid);
    }

    /** The name on one line and the email below it, so that neither is cut off. */
    static LitRenderer<AuditRow> who() {
        return LitRenderer.<AuditRow>of("<div>${item.name}</div><div class=\"hs-muted\">${item.email}</div>")
                .withProperty("name", r -> r.actorEmail() == null ? r.who() : r.actorName())
                .withProperty("email", r -> r.actorEmail() == null ? "" : r.actorEmail());
    }

    /** "14/03/2026 09:05:07" in the clinic's time zone and date style. */
    String when(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return dates.shortDate(local.toLocalDate()) + " " + TIME.format(local);
    }

    /**
     * Reads the fields into the filter. A date that cannot be read, or a range that ends before
     * it starts, keeps the entries shown and says so next to the field.
     */
    void applyFilters() {
        from.setInvalid(false);
        to.setInvalid(false);
        if (!DateFields.readable(from) || !DateFields.readable(to)) {
            return;
        }
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setErrorMessage("The end date is before the start date.");
            to.setInvalid(true);
            return;
        }
        filter = new AuditFilter(who.getValue(), patient.getValue(), action.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant());
        grid.getDataProvider().refreshAll();
    }

    AuditFilter filter() {
        return filter;
    }

    private void check() {
        AuditVerifier.Result result = trail.check();
        checkResult.setText(AuditCheckWords.sentence(result));
        checkResult.setClassName("hs-audit-check-broken", !result.ok());
        checkResult.setClassName("hs-audit-check-ok", result.ok());
        checkResult.setVisible(true);
    }

    private DownloadHandler csvDownload() {
        // Made when the link is followed, from the filter shown at that moment.
        return event -> {
            event.getResponse().setHeader("Cache-Control", "no-store");
            AuditTrail.Export export = trail.csv(filter);
            event.setFileName(export.fileName());
            event.setContentType(export.contentType());
            event.setContentLength(export.content().length);
            event.getOutputStream().write(export.content());
        };
    }
}

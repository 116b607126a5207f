package org.homestretch.patient;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import org.homestretch.audit.AuditRow;
import org.homestretch.audit.AuditTrail;
import org.homestretch.base.DateStyle;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * "Who opened this record", for the clinic's admin: the latest entries of the audit trail that
 * name this patient (who, when, what, from which address), newest first.
 */
class RecordAccessDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    final Paragraph summary = new Paragraph();
    final Grid<AuditRow> grid = new Grid<>();

    RecordAccessDialog(AuditTrail trail, Patient patient, ZoneId zone, DateStyle dates) {
        setHeaderTitle("Who opened " + patient.fullName() + "'s record");
        AuditTrail.RecordAccess access = trail.accessesTo(patient.id().value());
        int shown = access.latest().size();
        summary.setText(access.total() == 0 ? "Nobody yet."
                : access.total() == shown ? (shown == 1 ? "1 entry." : shown + " entries.")
                : "The latest " + shown + " of " + access.total() + " entries. Settings → Audit trail lists them all.");
        grid.addColumn(r -> {
            ZonedDateTime local = r.occurredAt().atZone(zone);
            return dates.mediumDate(local.toLocalDate()) + " " + TIME.format(local);
        }).setKey("when").setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<AuditRow>of("<div>${item.name}</div><div class=\"hs-muted\">${item.email}</div>")
                .withProperty("name", r -> r.actorEmail() == null ? r.who() : r.actorName())
                .withProperty("email", r -> r.actorEmail() == null ? "" : r.actorEmail()))
                .setKey("who").setHeader("Who").setFlexGrow(2);
        grid.addColumn(AuditRow::actionLabel).setKey("action").setHeader("What").setFlexGrow(2);
        grid.addColumn(AuditRow::address).setKey("address").setHeader("From").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(access.latest());
        grid.setVisible(shown > 0);
        grid.addClassName("hs-record-access");
        add(summary, grid);
        setWidth("min(60rem, 100%)");
        getFooter().add(new Button("Close", click -> close()));
    }

    /** The button on the patient page that opens the dialog. */
    static Button opener(AuditTrail trail, Patient patient, ZoneId zone, DateStyle dates) {
        Button button = new Button("Who opened this record", VaadinIcon.EYE.create());
        button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.TERTIARY);
        button.addClickListener(click -> new RecordAccessDialog(trail, patient, zone, dates).open());
        return button;
    }
}

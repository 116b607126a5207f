package org.homestretch.worklist;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.homestretch.base.MenuCount;
import org.homestretch.base.PublicAddress;
import org.homestretch.base.ShellIdentity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The start page: a greeting, then what needs the therapist, grouped most urgent first and the
 * newest first within a group, each with "Open" (the patient's adherence page) and "Mark reviewed".
 * With nothing to do it says so, with when it last looked.
 */
@Route("")
@PageTitle("Home")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class WorklistView extends Main {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final WorklistService worklist;

    /** Shown when handouts' QR codes cannot work; empty otherwise. */
    final Div addressWarning = new Div();
    final Paragraph lead = new Paragraph();
    final Div groups = new Div();
    final Div allWell = new Div();

    WorklistView(WorklistService worklist, ShellIdentity identity, PublicAddress publicAddress, Clock clock) {
        this.worklist = worklist;
        addClassNames("hs-page", "hs-worklist");
        ShellIdentity.Header header = identity.current().orElse(ShellIdentity.Header.NONE);
        String firstName = header.userName().strip().split("\\s+")[0];
        // The clinic's morning: the server may sit in another time zone than the people using it.
        add(new H2(greeting(LocalTime.now(clock.withZone(header.clinicTimeZone()))) + ", " + firstName));
        addressWarning.addClassName("hs-warning");
        (header.admin() ? publicAddress.warningForAdmins() : publicAddress.warningForTherapists())
                .ifPresentOrElse(addressWarning::setText, () -> addressWarning.setVisible(false));
        lead.addClassName("hs-lead");
        groups.addClassName("hs-worklist-groups");
        allWell.addClassName("hs-all-well");
        add(addressWarning, lead, groups, allWell);
        render();
    }

    static String greeting(LocalTime time) {
        if (time.isBefore(LocalTime.NOON)) {
            return "Good morning";
        }
        return time.isBefore(LocalTime.of(18, 0)) ? "Good afternoon" : "Good evening";
    }

    /** Reads the list again and shows it; only content changes, no listener is added to this view. */
    void render() {
        WorklistService.Worklist list = worklist.current();
        lead.setText(list.wholeClinic() ? "What needs attention in the clinic, most urgent first."
                : "What needs you, most urgent first.");
        groups.removeAll();
        allWell.removeAll();
        Map<WorklistItem.Group, List<WorklistItem>> byGroup = list.items().stream()
                .collect(Collectors.groupingBy(WorklistItem::group, TreeMap::new, Collectors.toList()));
        byGroup.forEach((group, items) -> groups.add(group(group, items, list)));
        boolean empty = list.items().isEmpty();
        groups.setVisible(!empty);
        allWell.setVisible(empty);
        if (empty) {
            H3 title = new H3("All is well");
            Paragraph text = new Paragraph((list.wholeClinic() ? "No patient in the clinic" : "None of your patients")
                    + " needs you right now.");
            ZonedDateTime checked = list.checkedAt().atZone(list.zone());
            Paragraph last = new Paragraph("Last checked " + list.dateStyle().mediumDate(checked.toLocalDate())
                    + " at " + TIME.format(checked) + ".");
            last.addClassName("hs-muted");
            allWell.add(title, text, last);
        }
    }

    private Component group(WorklistItem.Group group, List<WorklistItem> items, WorklistService.Worklist list) {
        H3 title = new H3(group.title + " (" + items.size() + ")");
        title.setId("worklist-" + group.name().toLowerCase(Locale.ROOT));
        Section section = new Section(title);
        section.addClassNames("hs-worklist-group", "hs-worklist-" + group.name().toLowerCase(Locale.ROOT));
        section.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        items.forEach(item -> section.add(row(item, list)));
        return section;
    }

    private Component row(WorklistItem item, WorklistService.Worklist list) {
        Span name = new Span(item.patientName());
        name.addClassName("hs-worklist-name");
        Span what = new Span(item.what());
        what.addClassName("hs-worklist-what");
        String when = item.at() == null ? "" : when(item.at().atZone(list.zone()), item.dayOnly(), list);
        Span at = new Span(item.dayOnly() ? "Last check-in " + when : capitalised(when));
        at.addClassNames("hs-worklist-when", "hs-muted");
        Div text = new Div(name, what, at);
        text.addClassName("hs-worklist-text");

        Button open = new Button("Open", click -> getUI().ifPresent(ui ->
                ui.navigate("patients/" + item.patient().value() + "/adherence")));
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setAriaLabel("Open " + item.patientName());
        Button reviewed = new Button("Mark reviewed", click -> markReviewed(item));
        reviewed.setAriaLabel("Mark reviewed: " + item.patientName() + ", " + item.what());
        Div actions = new Div(open, reviewed);
        actions.addClassName("hs-worklist-actions");

        Div row = new Div(text, actions);
        row.addClassNames("hs-worklist-item", "hs-worklist-item-" + item.group().name().toLowerCase(Locale.ROOT));
        return row;
    }

    private void markReviewed(WorklistItem item) {
        boolean stored = worklist.markReviewed(item);
        Notification.show(stored ? "Marked as reviewed." : "Already reviewed.", 3000, Notification.Position.BOTTOM_START);
        render();
        getUI().ifPresent(MenuCount::changed);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "today at 14:05", "yesterday at 19:20", "21 Nov 2026 at 08:10" in the clinic's date style; days without a time. */
    static String when(ZonedDateTime at, boolean dayOnly, WorklistService.Worklist list) {
        LocalDate today = list.checkedAt().atZone(list.zone()).toLocalDate();
        LocalDate day = at.toLocalDate();
        String date = day.equals(today) ? "today" : day.equals(today.minusDays(1)) ? "yesterday"
                : list.dateStyle().mediumDate(day);
        if (dayOnly) {
            return date;
        }
        return date + " at " + TIME.format(at);
    }
}

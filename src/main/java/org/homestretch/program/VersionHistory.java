package org.homestretch.program;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Earlier versions, newest first, each with what changed, in the clinic's own time. */
final class VersionHistory extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    VersionHistory() {
        addClassName("hs-history");
    }

    void show(List<ProgramVersion> versions, ZoneId clinicZone) {
        removeAll();
        if (versions.isEmpty()) {
            return;
        }
        add(new H3("Earlier versions"));
        for (ProgramVersion v : versions) {
            Div body = new Div();
            v.changes().forEach(change -> body.add(new Paragraph(change)));
            body.add(new Paragraph("Exercises: "
                    + String.join(", ", v.items().stream().map(ProgramItem::exerciseName).toList())));
            add(new Details("Version " + v.number() + " · " + WHEN.format(v.publishedAt().atZone(clinicZone))
                    + (v.publishedBy() == null ? "" : " · " + v.publishedBy()), body));
        }
    }
}

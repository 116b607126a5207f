package org.homestretch.adherence;

import org.homestretch.clinic.ClinicService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import org.homestretch.patient.PatientId;
import org.homestretch.outcome.OutcomeService;
import org.homestretch.outcome.OutcomeSection;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One patient's adherence, to review in a minute: open flags to mark as reviewed, the figures,
 * twelve weeks of sessions, pain with program changes, which exercises get left out, what the
 * patient wrote and why sessions were skipped; CSV and PDF to keep in the record.
 */
@Route("patients/:patientId/adherence")
@PermitAll
public class PatientAdherenceView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final AdherenceService adherence;
    private final OutcomeService outcomes;
    private final ZoneId zone;
    private PatientAdherence shown;
    Div flags;
    Anchor csv;
    Anchor pdf;
    Anchor outcomeCsv;

    PatientAdherenceView(AdherenceService adherence, OutcomeService outcomes, ClinicService clinics) {
        this.adherence = adherence;
        this.outcomes = outcomes;
        this.zone = clinics.current().timeZone();
        addClassNames("hs-page", "hs-patient-adherence");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PatientId id = event.getRouteParameters().get("patientId").flatMap(PatientId::parse)
                .orElseThrow(NotFoundException::new);
        shown = adherence.open(id).orElseThrow(NotFoundException::new);
        render();
    }

    @Override
    public String getPageTitle() {
        return shown == null ? "Adherence" : shown.patient().fullName() + ": adherence";
    }

    private void render() {
        removeAll();
        PatientAdherence p = shown;
        String patientPath = "patients/" + p.patient().id().value();
        H2 name = new H2(p.patient().fullName());
        Anchor back = new Anchor(patientPath, "Patient record");
        Anchor program = new Anchor(patientPath + "/program", "Home program");
        csv = download("Check-ins (CSV)", VaadinIcon.TABLE, AdherenceService::csv);
        outcomeCsv = download("Outcome scores (CSV)", VaadinIcon.TABLE, AdherenceService::outcomeCsv);
        pdf = download("Progress report (PDF)", VaadinIcon.FILE_TEXT_O, AdherenceService::report);
        FlexLayout actions = new FlexLayout(back, program, csv, outcomeCsv, pdf);
        actions.addClassName("hs-actions");
        add(name, actions);
        if (!p.hasProgram()) {
            add(new Paragraph("No home program yet, so there is nothing to check in against."),
                    new OutcomeSection(outcomes, p.patient().id()));
            return;
        }
        flags = flags(p);
        add(flags, figures(p));

        Div charts = new Div(section(CalendarChart.heading("Sessions", p.began(), p.today()),
                        chart(SvgDrawing.svg(CalendarChart.build(p.days(), p.versions(), p.today())))),
                section("Pain (0\u201310) and program changes",
                        chart(SvgDrawing.svg(PainChart.build(p.days(), p.versions(), p.chartStart(), p.today())))));
        charts.addClassName("hs-chart-row");
        add(charts, new OutcomeSection(outcomes, p.patient().id()));

        Div lists = new Div(section("Exercises done, last 30 days", exercises(p)),
                section("Skipped sessions, last " + CalendarChart.WEEKS + " weeks", skipped(p)));
        lists.addClassName("hs-chart-row");
        add(lists, section("What the patient wrote", comments(p)), section("Program changes", changes(p)));
    }

    private Anchor download(String text, VaadinIcon icon, BiFunction<AdherenceService, PatientId, Optional<AdherenceService.Export>> make) {
        PatientId id = shown.patient().id();
        // Made when the link is followed, so the file holds what was reported up to that moment.
        DownloadHandler handler = event -> {
            event.getResponse().setHeader("Cache-Control", "no-store");
            Optional<AdherenceService.Export> export = make.apply(adherence, id);
            if (export.isEmpty()) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setFileName(export.get().fileName());
            event.setContentType(export.get().contentType());
            event.setContentLength(export.get().content().length);
            event.getOutputStream().write(export.get().content());
        };
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.add(icon.create(), new Span(text));
        anchor.addClassName("hs-download");
        return anchor;
    }

    private Div flags(PatientAdherence p) {
        Div box = new Div();
        box.addClassName("hs-flag-box");
        Attention a = p.attention();
        if (a == null || a.reasons().isEmpty()) {
            Span fine = new Span("No flags: on track.");
            fine.addClassName("hs-on-track");
            box.add(fine);
            return box;
        }
        for (Reason reason : Reason.values()) {
            if (!a.reasons().contains(reason)) {
                continue;
            }
            Div row = new Div();
            row.addClassName("hs-flag-row");
            // The other reasons say what they are ("Pain 8/10", "No check-in for 5 days"); a symptom needs the word.
            Span badge = new Span((reason == Reason.RED_FLAG ? "\u26a0 Warning symptom: " : "") + Badges.text(a, reason));
            badge.addClassNames("hs-flag", "hs-flag-" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            row.add(badge);
            a.review(reason).ifPresentOrElse(review -> {
                badge.addClassName("hs-flag-reviewed");
                Span who = new Span("Reviewed by " + review.reviewer() + ", "
                        + SHORT.format(review.at().atZone(zone)) + " " + review.at().atZone(zone).toLocalTime()
                        .withSecond(0).withNano(0));
                who.addClassName("hs-muted");
                row.add(who);
            }, () -> {
                Button mark = new Button("Mark reviewed", VaadinIcon.CHECK.create(), click -> {
                    adherence.markReviewed(p.patient().id(), reason);
                    Notification.show("Marked as reviewed.", 3000, Notification.Position.BOTTOM_START);
                    shown = adherence.patient(p.patient().id()).orElseThrow(NotFoundException::new);
                    render();
                });
                mark.addThemeVariants(ButtonVariant.SMALL);
                // The accessible name starts with the visible text, so "click Mark reviewed" works by voice too.
                mark.setAriaLabel(mark.getText() + ": " + reason.label().toLowerCase(Locale.ROOT) + " for "
                        + p.patient().fullName());
                mark.setId("review-" + reason.name().toLowerCase(Locale.ROOT));
                row.add(mark);
            });
            box.add(row);
        }
        return box;
    }

    private static Component figures(PatientAdherence p) {
        Prescription now = p.versions().getLast().prescription();
        Div row = new Div(card("Last 7 days", p.week()), card("Last 30 days", p.month()),
                card("Since " + DAY.format(p.began()), p.sinceStart()),
                card("Program", "v" + now.versionNumber(), now.text()));
        row.addClassName("hs-figure-cards");
        return row;
    }

    private static Component card(String label, Figure f) {
        Div card = card(label, f.percentText(), f.countText());
        if (f.defined() && f.ratio() < 0.5) {
            card.addClassName("hs-figure-card-low");
        }
        return card;
    }

    private static Div card(String label, String big, String small) {
        Span l = new Span(label);
        l.addClassName("hs-muted");
        Span b = new Span(big);
        b.addClassName("hs-figure-big");
        Span s = new Span(small);
        s.addClassName("hs-muted");
        Div card = new Div(l, b, s);
        card.addClassName("hs-figure-card");
        return card;
    }

    private static Component section(String title, Component... content) {
        Div section = new Div(new H3(title));
        section.add(content);
        section.addClassName("hs-section");
        return section;
    }

    /** Inline SVG through the browser's own parser, which keeps {@code viewBox} as written. */
    private static Component chart(String svg) {
        Svg chart = new Svg(svg);
        chart.addClassName("hs-chart-box");
        return chart;
    }

    private static Component exercises(PatientAdherence p) {
        if (p.exercises().isEmpty()) {
            return new Paragraph("No sessions checked in as done in the last 30 days.");
        }
        Div list = new Div();
        list.addClassName("hs-completion");
        for (AdherenceRepository.ExerciseCompletion e : p.exercises()) {
            int percent = e.sessions() == 0 ? 0 : Math.round(100f * e.done() / e.sessions());
            Span name = new Span(e.exerciseName());
            Div bar = new Div();
            bar.addClassName("hs-bar");
            Div fill = new Div();
            fill.addClassName("hs-bar-fill");
            fill.getStyle().set("width", percent + "%");
            bar.add(fill);
            Span figure = new Span(e.done() + " of " + e.sessions());
            figure.addClassName("hs-muted");
            Div row = new Div(name, bar, figure);
            row.addClassName("hs-completion-row");
            row.getElement().setAttribute("title", percent + " % of the sessions done");
            list.add(row);
        }
        return list;
    }

    private static Component skipped(PatientAdherence p) {
        String summary = p.skipSummary();
        Paragraph text = new Paragraph(summary.isEmpty() ? "No sessions reported as skipped." : summary);
        text.addClassName("hs-skips");
        return text;
    }

    private static Component comments(PatientAdherence p) {
        if (p.comments().isEmpty()) {
            return new Paragraph("No comments in the last " + CalendarChart.WEEKS + " weeks.");
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("hs-comments");
        for (AdherenceRepository.Comment c : p.comments()) {
            Span when = new Span(SHORT.format(c.date()) + (c.pain() == null ? "" : " \u00b7 pain " + c.pain())
                    + ("PAPER".equals(c.source()) ? " \u00b7 paper log" : ""));
            when.addClassName("hs-muted");
            Span text = new Span(c.text());
            list.add(new ListItem(when, text));
        }
        return list;
    }

    private static Component changes(PatientAdherence p) {
        UnorderedList list = new UnorderedList();
        list.addClassName("hs-changes");
        for (ProgramChange change : p.versions().reversed()) {
            Span head = new Span("Version " + change.number() + ", " + DAY.format(change.prescription().starts())
                    + " \u00b7 " + change.prescription().text());
            head.addClassName("hs-exercise-name");
            list.add(new ListItem(head, new Span(String.join("; ", change.changes()))));
        }
        return list;
    }
}

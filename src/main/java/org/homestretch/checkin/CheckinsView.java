package org.homestretch.checkin;

import org.homestretch.clinic.ClinicService;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.homestretch.base.DateFields;
import org.homestretch.base.FactRow;
import org.homestretch.base.FormMessages;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientView;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A patient's check-ins as the therapist sees them: the phone link and code (with when they
 * were last used, and revoke or reissue), sessions copied in from the paper log, and every
 * check-in newest first. Another clinic's patient id is simply "not found".
 */
@Route("patients/:patientId/checkins")
@PermitAll
public class CheckinsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter DAY_LONG = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final AccessService access;
    private final CheckinService checkins;
    private final ClinicService clinics;
    private Patient patient;
    private ZoneId zone;

    final Div accessPanel = new Div();
    final ReminderPanel reminderPanel;
    final Grid<Checkin> grid = new Grid<>();
    final PaperForm paper = new PaperForm();

    CheckinsView(AccessService access, CheckinService checkins, ClinicService clinics, Reminders reminders,
                 PatientLinkMail linkMail) {
        this.access = access;
        this.reminderPanel = new ReminderPanel(reminders, linkMail, this::renderAccess);
        this.checkins = checkins;
        this.clinics = clinics;
        DateFields.useClinicStyle(paper.day, clinics.current().dateStyle());
        addClassNames("hs-page", "hs-checkins");
        configureGrid();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        patient = event.getRouteParameters().get("patientId").flatMap(PatientId::parse)
                .flatMap(checkins::openCheckins).orElseThrow(NotFoundException::new);
        zone = clinics.current().timeZone();
        LocalDate today = checkins.todayInClinic();
        paper.day.setMax(today);
        paper.day.setValue(today);
        render();
    }

    @Override
    public String getPageTitle() {
        return patient == null ? "Check-ins" : "Check-ins: " + patient.fullName();
    }

    private void render() {
        removeAll();
        RouterLink back = new RouterLink("← " + patient.fullName(), PatientView.class, patient.id().value().toString());
        H2 title = new H2("Check-ins");
        // What the patient reported comes first; entering paper and managing access are occasional.
        add(back, title, grid(), paper, accessSection());
        renderAccess();
    }

    // ---- phone access ----

    private Component accessSection() {
        H3 heading = new H3("Phone access");
        Paragraph about = new Paragraph("The QR code and the code on the handout open the patient's check-off page. "
                + "They stay the same when you change the program.");
        about.addClassName("hs-hint");
        Div section = new Div(heading, about, accessPanel, reminderPanel);
        section.addClassName("hs-section");
        return section;
    }

    void renderAccess() {
        accessPanel.removeAll();
        Optional<AccessService.AccessInfo> info = access.find(patient.id());
        reminderPanel.show(patient.id(), zone, info.isPresent());
        if (info.isEmpty()) {
            Paragraph none = new Paragraph("No link or code yet. They are made when you print the handout, or here.");
            Button create = new Button("Make link and code", click -> {
                if (access.ensure(patient.id()).isEmpty()) {
                    Notification.show("Save a home program first.", 4000, Notification.Position.BOTTOM_START);
                }
                renderAccess();
            });
            accessPanel.add(none, create);
            return;
        }
        AccessService.AccessInfo a = info.get();
        TextField link = new TextField("Link in the QR code");
        link.setValue(a.link());
        link.setReadOnly(true);
        link.setWidthFull();
        Div facts = new Div(
                new FactRow("Code", a.code()),
                new FactRow("Typed at", a.codePage()),
                new FactRow("Issued", WHEN.format(a.createdAt().atZone(zone))),
                new FactRow("Last used", a.lastUsedAt() == null ? "Not yet" : WHEN.format(a.lastUsedAt().atZone(zone))));
        facts.addClassName("hs-facts");
        facts.setId("access-facts");
        Button reissue = new Button("New link and code", VaadinIcon.REFRESH.create(), click -> confirm(
                "Issue a new link and code?",
                "The old QR code and code stop working at once, and the patient's phone is signed out. "
                        + "Print a new handout for the patient afterwards.",
                "Issue new", () -> {
                    access.reissue(patient.id());
                    Notification.show("New link and code issued. Print a new handout.", 5000,
                            Notification.Position.BOTTOM_START);
                }));
        Button revoke = new Button("Turn off phone access", click -> confirm(
                "Turn off phone access?",
                "The QR code and code stop working at once, and the patient's phone is signed out. "
                        + "Printing a handout later issues a new link and code.",
                "Turn off", () -> {
                    access.revoke(patient.id());
                    Notification.show("Phone access turned off.", 4000, Notification.Position.BOTTOM_START);
                }));
        revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        FlexLayout actions = new FlexLayout(reissue, revoke);
        actions.addClassName("hs-actions");
        accessPanel.add(facts, link, actions);
    }

    private void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> {
            action.run();
            renderAccess();
        });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    // ---- check-ins ----

    // Column widths, in rem: the narrow layout (day, warning signs, done) fits a 410 px window, that
    // is 820 px at 200 % zoom; the middle one adds the comment; the wide one shows every column.
    private static final float DAY_REM = 6.75f, WARNING_REM = 6.5f, DONE_REM = 6.5f, PAIN_REM = 4.5f, HARD_REM = 6,
            COMMENT_REM = 8, FROM_REM = 6;
    /** Grid widths in px (16 px a rem) from which the comment, then every column, fits beside the others. */
    static final int MIDDLE_FROM_PX = Math.round(16 * (DAY_REM + WARNING_REM + DONE_REM + COMMENT_REM)) + 14;
    static final int WIDE_FROM_PX = Math.round(16 * (DAY_REM + WARNING_REM + DONE_REM + PAIN_REM + HARD_REM
            + COMMENT_REM + FROM_REM)) + 24;

    private Grid.Column<Checkin> painColumn, hardColumn, commentColumn, fromColumn;
    /** The clinic's today when the grid was last filled: only dates of other years show their year. */
    private LocalDate today;

    /**
     * Columns by what the therapist looks for first: the day, then the warning signs, then whether
     * the session was done. When the grid is narrow (a tablet, a zoomed page) the pain, how hard,
     * phone or paper and the comment move into the "Done?" cell instead of pushing columns off-screen.
     */
    private void configureGrid() {
        grid.addClassNames("hs-grid", "hs-checkins-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::day).setHeader("Day").setWidth(rem(DAY_REM)).setFlexGrow(0);
        grid.addComponentColumn(CheckinsView::symptoms).setHeader("Warning signs").setWidth(rem(WARNING_REM))
                .setFlexGrow(1);
        grid.addComponentColumn(CheckinsView::status).setKey("status").setHeader("Done?").setWidth(rem(DONE_REM)).setFlexGrow(1);
        painColumn = grid.addColumn(c -> c.pain() == null ? "" : c.pain() + "/10").setHeader("Pain")
                .setWidth(rem(PAIN_REM)).setFlexGrow(0);
        hardColumn = grid.addColumn(c -> c.difficulty() == null ? "" : c.difficulty().label()).setHeader("How hard")
                .setWidth(rem(HARD_REM)).setFlexGrow(0);
        commentColumn = grid.addColumn(Checkin::comment).setHeader("Comment").setWidth(rem(COMMENT_REM)).setFlexGrow(2);
        fromColumn = grid.addColumn(CheckinsView::from).setHeader("From").setWidth(rem(FROM_REM)).setFlexGrow(0);
        grid.setItems(query -> {
            today = checkins.todayInClinic();
            return checkins.recent(patient.id(), query.getOffset(), query.getLimit()).stream();
        }, query -> checkins.count(patient.id()));
        grid.setEmptyStateText("No check-ins yet.");
        fit(WIDE_FROM_PX);
        // The grid reports its own width (the side menu and zoom change it, not only the window).
        grid.addAttachListener(attach -> grid.getElement().executeJs("""
                const grid = this, view = $0;
                if (grid.hsWidthObserver) return; // attached again: it is still watching
                let last = -1;
                grid.hsWidthObserver = new ResizeObserver(entries => {
                  const width = Math.round(entries[0].contentRect.width);
                  if (width > 0 && Math.abs(width - last) > 4) { last = width; view.$server.gridWidth(width); }
                }).observe(grid);""", getElement()));
    }

    @ClientCallable
    void gridWidth(int px) {
        fit(px);
    }

    /** Shows the columns that fit {@code px}; the cells' extra lines (CSS) stand in for the hidden ones. */
    void fit(int px) {
        boolean wide = px >= WIDE_FROM_PX, middle = !wide && px >= MIDDLE_FROM_PX;
        painColumn.setVisible(wide);
        hardColumn.setVisible(wide);
        fromColumn.setVisible(wide);
        commentColumn.setVisible(wide || middle);
        grid.getElement().getClassList().set("hs-compact", !wide);
        grid.getElement().getClassList().set("hs-narrow", !wide && !middle);
    }

    private Component grid() {
        H3 heading = new H3("Sessions reported");
        Div section = new Div(heading, grid);
        section.addClassName("hs-section");
        return section;
    }

    /** "Mon 30 Nov" over "Session 1"; the year only when it is not this year's. */
    private Component day(Checkin c) {
        Span session = new Span("Session " + c.session());
        session.addClassName("hs-muted");
        boolean thisYear = today != null && c.date().getYear() == today.getYear();
        Div cell = new Div(new Span((thisYear ? DAY_SHORT : DAY_LONG).format(c.date())), session);
        cell.addClassName("hs-lines");
        return cell;
    }

    /** Whether it was done; in a compact grid also pain, how hard, where it came from and (narrow) the comment. */
    private static Component status(Checkin c) {
        Div cell = new Div();
        cell.addClassName("hs-lines");
        if (!c.done()) {
            cell.add(new Span(c.skipReason().notDone()));
        } else {
            cell.add(new Span(c.exercisesDone() == c.exercisesPrescribed() ? "Done"
                    : "Done (" + c.exercisesDone() + " of " + c.exercisesPrescribed() + " exercises)"));
        }
        String painAndHard = (c.pain() == null ? "" : "Pain " + c.pain() + "/10")
                + (c.pain() != null && c.difficulty() != null ? " \u00b7 " : "")
                + (c.difficulty() == null ? "" : c.difficulty().label());
        if (!painAndHard.isEmpty()) {
            cell.add(extra(painAndHard, "hs-if-compact"));
        }
        if (c.comment() != null && !c.comment().isBlank()) {
            cell.add(extra("\u201c" + c.comment() + "\u201d", "hs-if-narrow"));
        }
        cell.add(extra(from(c), "hs-if-compact", "hs-muted"));
        return cell;
    }

    private static Span extra(String text, String... classes) {
        Span line = new Span(text);
        line.addClassNames(classes);
        return line;
    }

    private static String from(Checkin c) {
        return c.source().label() + " \u00b7 v" + c.programVersion();
    }

    static Component symptoms(Checkin c) {
        Div cell = new Div();
        cell.addClassName("hs-badges");
        if (c.redFlag()) {
            // One badge per sign, so long names wrap in a narrow column; emergency signs first, named as such.
            c.symptoms().stream().sorted(Comparator.comparing(Symptom::tier).thenComparing(Symptom::label))
                    .forEach(s -> {
                        boolean emergency = s.tier() == Symptom.Tier.EMERGENCY;
                        Span badge = new Span((emergency ? "Emergency sign: " : "") + s.label());
                        badge.getElement().getThemeList().add(emergency ? "badge error primary" : "badge error");
                        badge.addClassName(emergency ? "hs-emergency-badge" : "hs-warning-badge");
                        cell.add(badge);
                    });
        }
        return cell;
    }

    private static String rem(float rem) {
        return rem + "rem";
    }

    /** Sessions from the paper log the patient brought; the therapist types them in. */
    final class PaperForm extends Div {

        final DatePicker day = new DatePicker("Day");
        final IntegerField session = new IntegerField("Session of the day");
        final RadioButtonGroup<Boolean> done = new RadioButtonGroup<>("Done?");
        final Select<SkipReason> reason = new Select<>();
        final IntegerField pain = new IntegerField("Pain (0–10)");
        final TextArea comment = new TextArea("Comment");
        final Div formError = new Div();
        final Button add = new Button("Add entry");
        private UUID key = UUID.randomUUID();

        PaperForm() {
            addClassName("hs-section");
            session.setMin(1);
            session.setMax(6);
            session.setValue(1);
            session.setStepButtonsVisible(true);
            done.setItems(true, false);
            done.setItemLabelGenerator(b -> b ? "Done" : "Not done");
            done.setValue(true);
            reason.setLabel("Why not?");
            reason.setItems(SkipReason.values());
            reason.setItemLabelGenerator(SkipReason::label);
            reason.setVisible(false);
            done.addValueChangeListener(e -> reason.setVisible(Boolean.FALSE.equals(e.getValue())));
            pain.setMin(0);
            pain.setMax(10);
            pain.setI18n(new IntegerField.IntegerFieldI18n()
                    .setMinErrorMessage("Pain is a number from 0 to 10.")
                    .setMaxErrorMessage("Pain is a number from 0 to 10.")
                    .setBadInputErrorMessage("Pain is a number from 0 to 10."));
            session.setI18n(new IntegerField.IntegerFieldI18n()
                    .setMinErrorMessage("Sessions are numbered from 1.")
                    .setMaxErrorMessage("At most 6 sessions a day.")
                    .setBadInputErrorMessage("Type the session number, such as 1 or 2."));
            comment.setMaxLength(CheckinEntry.COMMENT_MAX);
            comment.setWidthFull();
            formError.addClassName("hs-form-error");
            formError.setVisible(false);
            add.addThemeVariants(ButtonVariant.PRIMARY);
            add.addClickListener(click -> save());
            FlexLayout row = new FlexLayout(day, session, done, reason, pain);
            row.addClassName("hs-form-row");
            add(new H3("Add from the paper log"), row, comment, formError, add);
        }

        private void save() {
            // Text that is not a number leaves the field empty but invalid: never save without it silently.
            if (pain.isInvalid() || session.isInvalid() || day.isInvalid()) {
                formError.setText("Please correct the marked fields.");
                formError.setVisible(true);
                return;
            }
            Map<String, HasValidation> fields = fields();
            FormMessages.clear(fields, formError);
            CheckinEntry entry = new CheckinEntry(key, day.getValue(), session.getValue() == null ? 0 : session.getValue(),
                    !Boolean.FALSE.equals(done.getValue()), Set.of(), pain.getValue(), null, Set.of(),
                    Boolean.FALSE.equals(done.getValue()) ? reason.getValue() : null, comment.getValue());
            try {
                CheckinService.Recorded recorded = checkins.recordFromPaper(patient.id(), entry);
                key = UUID.randomUUID();
                Notification.show(recorded.repeated() ? "Already added." : "Added.", 3000,
                        Notification.Position.BOTTOM_START);
                // Day and session stay, for typing in a whole sheet quickly.
                pain.clear();
                comment.clear();
                grid.getDataProvider().refreshAll();
            } catch (CheckinException e) {
                FormMessages.show(e.problems(), fields, formError);
            }
        }

        private Map<String, HasValidation> fields() {
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("date", day);
            fields.put("session", session);
            fields.put("skipReason", reason);
            fields.put("pain", pain);
            fields.put("comment", comment);
            return fields;
        }
    }
}

package org.homestretch.program;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.homestretch.base.FieldProblem;
import org.homestretch.base.FormMessages;
import org.homestretch.catalog.CatalogQuery;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseFigures;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.catalog.FigureHtml;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The program editor: search and add exercises without leaving the page, adjust each dosage,
 * reorder by dragging or with the arrow buttons, and save a new version. Edits live in the
 * page until saved; leaving asks first, and a conflicting save keeps them on screen.
 */
@Route("patients/:patientId/program")
@PermitAll
public class ProgramEditorView extends Main implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final ProgramService programs;
    private final PatientService patients;
    private final CatalogService catalog;
    private final ExerciseFigures figures;
    // Figures drawn once per exercise while the editor is open: cards are rebuilt on every move.
    private final Map<ExerciseId, Optional<String>> figureCache = new HashMap<>();

    private Patient patient;
    private int version;
    private List<ProgramItem> saved = List.of();
    final List<ProgramItem> draft = new ArrayList<>();

    final TextField search = new TextField();
    final Div results = new Div();
    final Div items = new Div();
    final Span summary = new Span();
    final Paragraph advice = new Paragraph();
    final Div formError = new Div();
    final Button save = new Button("Save new version", VaadinIcon.CHECK.create());
    final Select<Template> template = new Select<>();
    final Div history = new Div();
    final Anchor printHandout = new Anchor();
    final Checkbox largePrint = new Checkbox("Large print");
    final Checkbox paperLog = new Checkbox("Add a two-week paper log");
    final FlexLayout print = new FlexLayout(printHandout, largePrint, paperLog);
    private ProgramVersion printedVersion;
    final List<ItemCard> cards = new ArrayList<>();

    ProgramEditorView(ProgramService programs, PatientService patients, CatalogService catalog,
                      ExerciseFigures figures) {
        this.programs = programs;
        this.patients = patients;
        this.catalog = catalog;
        this.figures = figures;
        addClassNames("hs-page", "hs-program-editor");
        print.addClassNames("hs-actions", "hs-print");
        print.setAlignItems(FlexComponent.Alignment.CENTER);
        printHandout.setTarget(AnchorTarget.BLANK);
        printHandout.setRouterIgnore(true);
        largePrint.addValueChangeListener(e -> updatePrintLink());
        paperLog.addValueChangeListener(e -> updatePrintLink());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        patient = event.getRouteParameters().get("patientId").flatMap(PatientId::parse)
                .flatMap(patients::find).orElseThrow(NotFoundException::new);
        load();
        build();
    }

    @Override
    public String getPageTitle() {
        return patient == null ? "Program" : "Program · " + patient.fullName();
    }

    private void load() {
        PatientProgram current = programs.current(patient.id()).orElseThrow(NotFoundException::new);
        version = current.version();
        saved = current.items();
        draft.clear();
        draft.addAll(saved);
    }

    private void build() {
        removeAll();
        H2 title = new H2(patient.fullName() + ": home program");
        Span versionLabel = new Span(version == 0 ? "No program saved yet" : "Version " + version);
        versionLabel.getElement().getThemeList().add("badge");
        Div heading = new Div(title, versionLabel);
        heading.addClassName("hs-detail-heading");

        search.setPlaceholder("Add an exercise: type a name, e.g. knee hug");
        search.setAriaLabel("Search exercises to add");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(200);
        search.addClassName("hs-search");
        search.addValueChangeListener(e -> showResults());
        results.addClassName("hs-add-results");

        template.setLabel("Start from a template");
        template.setItems(programs.templates());
        template.setItemLabelGenerator(t -> t == null ? "Choose a template"
                : t.name() + " (" + t.scope().label() + ", " + t.items().size() + " exercises)");
        template.setEmptySelectionAllowed(true);
        template.setEmptySelectionCaption("Choose a template");
        template.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                useTemplate(e.getValue());
            }
        });
        Button saveTemplate = new Button("Save as template", VaadinIcon.BOOKMARK_O.create(), c -> saveAsTemplate());
        FlexLayout templates = new FlexLayout(template, saveTemplate);
        templates.addClassName("hs-filters");

        summary.addClassName("hs-result-count");
        advice.addClassName("hs-advice");
        items.addClassName("hs-program-items");
        formError.addClassName("hs-form-error");
        formError.setVisible(false);

        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(c -> saveVersion());
        Button discard = new Button("Discard changes", c -> {
            draft.clear();
            draft.addAll(saved);
            renderItems();
        });
        FlexLayout actions = new FlexLayout(save, discard);
        actions.addClassName("hs-actions");

        history.addClassName("hs-history");
        add(heading, search, results, templates, summary, advice, items, formError, actions, print, history);
        renderItems();
        renderHistory();
    }

    private void showResults() {
        results.removeAll();
        if (search.getValue().isBlank()) {
            return;
        }
        List<Exercise> found = catalog.search(CatalogQuery.text(search.getValue()), 0, 6);
        if (found.isEmpty()) {
            results.add(new Paragraph("No exercise matches. Check the spelling or try another name."));
        }
        for (Exercise exercise : found) {
            Button add = new Button("Add " + exercise.name(), VaadinIcon.PLUS.create(), c -> {
                draft.add(programs.newItem(exercise.id()));
                renderItems();
            });
            add.addThemeVariants(ButtonVariant.TERTIARY);
            add.addClassName("hs-add-result");
            results.add(add);
        }
    }

    void renderItems() {
        items.removeAll();
        cards.clear();
        for (int i = 0; i < draft.size(); i++) {
            ItemCard card = new ItemCard(i);
            cards.add(card);
            items.add(card);
        }
        if (draft.isEmpty()) {
            items.add(new Paragraph("No exercises yet. Search above, or start from a template."));
        }
        Duration time = SessionTime.of(draft);
        summary.setText(draft.size() + (draft.size() == 1 ? " exercise · " : " exercises · ")
                + SessionTime.describe(time) + " per session" + (hasUnsavedChanges() ? " · unsaved changes" : ""));
        boolean long_ = time.compareTo(SessionTime.GENTLE_LIMIT) > 0;
        boolean many = draft.size() > SessionTime.GENTLE_EXERCISE_LIMIT;
        advice.setVisible(long_ || many);
        advice.setText((many ? "That is " + draft.size() + " exercises. " : "")
                + (long_ ? "A session takes over 20 minutes. " : "")
                + "Patients keep up best with a few exercises: consider the two or three that matter most.");
    }

    /**
     * A link to the saved version's handout, opened in a new tab. Linked by URL rather than by
     * calling the handout feature, which depends on this one.
     */
    private void renderPrint(List<ProgramVersion> versions) {
        printedVersion = versions.isEmpty() ? null : versions.getFirst();
        print.setVisible(printedVersion != null);
        updatePrintLink();
    }

    private void updatePrintLink() {
        if (printedVersion == null) {
            return;
        }
        printHandout.setHref("handouts/" + printedVersion.id().value() + ".pdf?largePrint=" + largePrint.getValue()
                + "&log=" + paperLog.getValue());
        printHandout.setText("Print handout (version " + printedVersion.number() + ")");
    }

    private void renderHistory() {
        history.removeAll();
        List<ProgramVersion> versions = programs.history(patient.id());
        renderPrint(versions);
        if (versions.isEmpty()) {
            return;
        }
        history.add(new H3("Earlier versions"));
        ZoneId zone = ZoneId.systemDefault();
        for (ProgramVersion v : versions) {
            Div body = new Div();
            v.changes().forEach(change -> body.add(new Paragraph(change)));
            body.add(new Paragraph("Exercises: " + String.join(", ", v.items().stream().map(ProgramItem::exerciseName).toList())));
            Details details = new Details("Version " + v.number() + " · " + WHEN.format(v.publishedAt().atZone(zone))
                    + (v.publishedBy() == null ? "" : " · " + v.publishedBy()), body);
            history.add(details);
        }
    }

    void move(int from, int to) {
        if (to < 0 || to >= draft.size() || from == to) {
            return;
        }
        draft.add(to, draft.remove(from));
        renderItems();
    }

    void remove(int index) {
        ProgramItem removed = draft.remove(index);
        renderItems();
        Button undo = new Button("Undo");
        Notification notification = new Notification(new Span("Removed " + removed.exerciseName() + ". "), undo);
        notification.setDuration(8000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        undo.addClickListener(c -> {
            draft.add(Math.min(index, draft.size()), removed);
            renderItems();
            notification.close();
        });
        notification.open();
    }

    void saveVersion() {
        cards.forEach(ItemCard::clearProblems);
        formError.setVisible(false);
        try {
            programs.publish(patient.id(), version, List.copyOf(draft));
            Notification.show("Saved as version " + (version + 1) + ".", 4000, Notification.Position.BOTTOM_START);
            load();
            build();
        } catch (ProgramException e) {
            if (e.conflict()) {
                showConflict(e.getMessage());
            } else {
                showProblems(e.problems());
            }
        }
    }

    private void showProblems(List<FieldProblem> problems) {
        StringBuilder general = new StringBuilder();
        for (FieldProblem p : problems) {
            if (p.field() != null && p.field().startsWith("items[") && p.field().contains("].")) {
                int index = Integer.parseInt(p.field().substring(6, p.field().indexOf(']')));
                String field = p.field().substring(p.field().indexOf("].") + 2);
                if (index < cards.size() && cards.get(index).show(field, p.message())) {
                    continue;
                }
            }
            general.append(p.message()).append(' ');
        }
        if (!general.isEmpty()) {
            formError.setText(general.toString().strip());
            formError.setVisible(true);
        }
    }

    /** Someone else saved first: show what this user changed, then offer their version to reapply on. */
    private void showConflict(String message) {
        List<String> mine = ProgramChanges.between(saved, draft);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Not saved: the program changed");
        dialog.add(new Paragraph(message));
        if (!mine.isEmpty()) {
            dialog.add(new Paragraph("Your changes, to apply again:"));
            mine.forEach(line -> dialog.add(new Paragraph("• " + line)));
        }
        Button reload = new Button("Load their version", c -> {
            dialog.close();
            load();
            build();
        });
        reload.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Keep my edits on screen", c -> dialog.close()), reload);
        dialog.open();
    }

    private void useTemplate(Template chosen) {
        Runnable apply = () -> {
            draft.clear();
            draft.addAll(chosen.items());
            renderItems();
            template.clear();
        };
        if (draft.isEmpty()) {
            apply.run();
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog("Replace the exercises?",
                "The exercises on screen will be replaced by the template \"" + chosen.name() + "\".",
                "Replace", e -> apply.run());
        confirm.setCancelable(true);
        confirm.addCancelListener(e -> template.clear());
        confirm.open();
    }

    private void saveAsTemplate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Save as template");
        TextField name = new TextField("Template name");
        name.setWidthFull();
        RadioButtonGroup<Template.Scope> scope = new RadioButtonGroup<>("Who can use it");
        scope.setItems(Template.Scope.PERSONAL, Template.Scope.CLINIC);
        scope.setItemLabelGenerator(s -> s == Template.Scope.PERSONAL ? "Only me" : "Everyone in the clinic");
        scope.setValue(Template.Scope.PERSONAL);
        dialog.add(name, scope);
        Button ok = new Button("Save template", c -> {
            try {
                programs.saveAsTemplate(name.getValue(), scope.getValue(), List.copyOf(draft));
                dialog.close();
                template.setItems(programs.templates());
                Notification.show("Template saved.", 3000, Notification.Position.BOTTOM_START);
            } catch (ProgramException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), ok);
        dialog.open();
    }

    boolean hasUnsavedChanges() {
        return !draft.equals(saved);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!hasUnsavedChanges()) {
            return;
        }
        FormMessages.confirmLeave(event, "program", () -> saved = List.copyOf(draft));
    }

    /** One exercise in the draft: its dosage fields, note, and move/duplicate/remove buttons. */
    final class ItemCard extends Div {

        final int index;
        final DosageFields dosage;
        final TextField note = new TextField("Note for this patient");

        ItemCard(int index) {
            this.index = index;
            ProgramItem item = draft.get(index);
            addClassName("hs-item-card");
            Span handle = new Span(VaadinIcon.ELLIPSIS_DOTS_V.create());
            handle.addClassName("hs-drag-handle");
            handle.getElement().setAttribute("title", "Drag to reorder");
            Span name = new Span((index + 1) + ". " + item.exerciseName());
            name.addClassName("hs-exercise-name");
            Button up = iconButton(VaadinIcon.ARROW_UP, "Move " + item.exerciseName() + " up", () -> move(index, index - 1));
            Button down = iconButton(VaadinIcon.ARROW_DOWN, "Move " + item.exerciseName() + " down", () -> move(index, index + 1));
            Button duplicate = iconButton(VaadinIcon.COPY_O, "Duplicate " + item.exerciseName(), () -> {
                draft.add(index + 1, draft.get(index));
                renderItems();
            });
            Button remove = iconButton(VaadinIcon.TRASH, "Remove " + item.exerciseName(), () -> ProgramEditorView.this.remove(index));
            up.setEnabled(index > 0);
            down.setEnabled(index < draft.size() - 1);
            Div top = new Div(handle, name, new Span(SessionTime.describe(SessionTime.of(item.dosage()))), up, down,
                    duplicate, remove);
            top.addClassName("hs-item-top");
            figureCache.computeIfAbsent(item.exerciseId(), figures::svg)
                    .ifPresent(svg -> top.addComponentAtIndex(1, FigureHtml.of(svg, "hs-figure-small")));

            dosage = new DosageFields(item.dosage(), d -> {
                draft.set(index, draft.get(index).withDosage(d));
                refreshSummary();
            });
            note.setValue(item.note());
            note.setMaxLength(ProgramItem.NOTE_MAX);
            note.setWidthFull();
            note.setValueChangeMode(ValueChangeMode.ON_BLUR);
            note.addValueChangeListener(e -> {
                draft.set(index, draft.get(index).withNote(e.getValue()));
                refreshSummary();
            });
            add(top, dosage, note);

            DragSource<ItemCard> source = DragSource.create(this);
            source.setDragData(index);
            DropTarget<ItemCard> target = DropTarget.create(this);
            target.addDropListener(drop -> drop.getDragData()
                    .filter(Integer.class::isInstance).map(Integer.class::cast)
                    .ifPresent(from -> move(from, index)));
        }

        boolean show(String field, String message) {
            if ("note".equals(field)) {
                note.setErrorMessage(message);
                note.setInvalid(true);
                return true;
            }
            HasValidation f = dosage.field(field);
            if (f == null) {
                return false;
            }
            f.setErrorMessage(message);
            f.setInvalid(true);
            return true;
        }

        void clearProblems() {
            note.setInvalid(false);
            dosage.clearProblems();
        }
    }

    private void refreshSummary() {
        Duration time = SessionTime.of(draft);
        summary.setText(draft.size() + (draft.size() == 1 ? " exercise · " : " exercises · ")
                + SessionTime.describe(time) + " per session" + (hasUnsavedChanges() ? " · unsaved changes" : ""));
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), c -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

}

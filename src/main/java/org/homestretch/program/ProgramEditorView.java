package org.homestretch.program;

import org.homestretch.clinic.ClinicService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
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
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program editor: search and add exercises without leaving the page, adjust each dosage,
 * reorder by dragging or with the arrow buttons, and save a new version. Edits live in the
 * page until saved, and are kept in the database as they are made ({@link DraftKeeper}), so a
 * logoff does not lose them; leaving asks first, and a conflicting save keeps them on screen.
 * The page is laid out and its listeners registered once, in the constructor: saving or
 * opening another patient only refills it, so one click stays one save.
 */
@Route("patients/:patientId/program")
@PermitAll
public class ProgramEditorView extends Main implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final ProgramService programs;
    private final CatalogService catalog;
    private final ExerciseFigures figures;
    private final ClinicService clinics;
    final DraftKeeper drafts;
    // Figures drawn once per exercise and hold while the editor is open: cards are rebuilt on every move.
    private final Map<String, Optional<String>> figureCache = new HashMap<>();

    private Patient patient;
    private int version;
    private List<ProgramItem> saved = List.of();
    private ProgramVersion newest;
    final List<ProgramItem> draft = new ArrayList<>();

    private final H2 title = new H2();
    private final Span versionLabel = new Span();
    final TextField search = new TextField();
    final Div results = new Div();
    final Div items = new Div();
    final Span summary = new Span();
    final Paragraph advice = new Paragraph();
    final Div formError = new Div();
    final Button save = new Button("Save new version", VaadinIcon.CHECK.create());
    final Select<Template> template = new Select<>();
    final VersionHistory history = new VersionHistory();
    final PrintPanel print = new PrintPanel();
    final Anchor printHandout = print.link;
    final Checkbox largePrint = print.largePrint;
    final Checkbox paperLog = print.paperLog;
    final Span printNote = print.note;
    final List<ItemCard> cards = new ArrayList<>();

    // What the cards may do to the draft; one instance, shared by every card.
    private final ItemCard.Actions cardActions = new ItemCard.Actions() {
        @Override
        public void move(int from, int to) {
            ProgramEditorView.this.move(from, to);
        }

        @Override
        public void duplicate(int index) {
            draft.add(index + 1, draft.get(index));
            renderItems();
        }

        @Override
        public void remove(int index) {
            ProgramEditorView.this.remove(index);
        }

        @Override
        public void replace(int index, ProgramItem item) {
            draft.set(index, item);
            refreshSummary();
        }
    };

    ProgramEditorView(ProgramService programs, CatalogService catalog,
                      ExerciseFigures figures, ClinicService clinics, ProgramDrafts drafts) {
        this.programs = programs;
        this.catalog = catalog;
        this.figures = figures;
        this.clinics = clinics;
        this.drafts = new DraftKeeper(drafts);
        addClassNames("hs-page", "hs-program-editor");

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
        template.setItemLabelGenerator(t -> t == null ? "Choose a template"
                : t.name() + " (" + t.scope().label() + ", " + t.items().size() + " exercises)");
        template.setEmptySelectionAllowed(true);
        template.setEmptySelectionCaption("Choose a template");
        template.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                useTemplate(e.getValue());
            }
        });
        Button saveTemplate = new Button("Save as template", VaadinIcon.BOOKMARK_O.create(),
                c -> new SaveAsTemplateDialog(programs, List.copyOf(draft), () -> template.setItems(programs.templates()))
                        .open());
        FlexLayout templates = new FlexLayout(template, saveTemplate);
        templates.addClassName("hs-filters");

        summary.addClassName("hs-result-count");
        advice.addClassName("hs-advice");
        items.addClassName("hs-program-items");
        formError.addClassName("hs-form-error");
        formError.setVisible(false);

        save.addThemeVariants(ButtonVariant.PRIMARY);
        // The browser greys the button at the first click, so a double click sends one save.
        save.setDisableOnClick(true);
        save.addClickListener(c -> saveVersion());
        Button discard = new Button("Discard changes", c -> {
            draft.clear();
            draft.addAll(saved);
            renderItems();
        });
        FlexLayout actions = new FlexLayout(save, discard);
        actions.addClassName("hs-actions");

        add(heading, search, results, templates, summary, advice, items, formError, actions, print, history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        patient = event.getRouteParameters().get("patientId").flatMap(PatientId::parse)
                .flatMap(programs::openEditor).orElseThrow(NotFoundException::new);
        search.clear();
        formError.setVisible(false);
        template.setItems(programs.templates());
        drafts.opening(patient.id());
        load();
        refresh();
        drafts.offer(patient.id(), saved, version, clinics.current(), (base, items) -> {
            version = base;
            draft.clear();
            draft.addAll(items);
            renderItems();
        });
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

    /** Fills the page from the loaded program; registers nothing. */
    private void refresh() {
        title.setText(patient.fullName() + ": home program");
        versionLabel.setText(version == 0 ? "No program saved yet" : "Version " + version);
        renderItems();
        List<ProgramVersion> versions = programs.history(patient.id());
        newest = versions.isEmpty() ? null : versions.getFirst();
        history.show(versions, clinics.current().timeZone());
        print.show(newest, hasUnsavedChanges());
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
            ProgramItem item = draft.get(i);
            ItemCard card = new ItemCard(i, draft.size(), item,
                    figureCache.computeIfAbsent(item.exerciseId() + "/" + item.dosage().holdSeconds(),
                            k -> figures.movingSvg(item.exerciseId(), item.dosage().holdSeconds())), cardActions);
            cards.add(card);
            items.add(card);
        }
        if (draft.isEmpty()) {
            items.add(new Paragraph("No exercises yet. Search above, or start from a template."));
        }
        Duration time = refreshSummary();
        boolean long_ = time.compareTo(SessionTime.GENTLE_LIMIT) > 0;
        boolean many = draft.size() > SessionTime.GENTLE_EXERCISE_LIMIT;
        advice.setVisible(long_ || many);
        advice.setText((many ? "That is " + draft.size() + " exercises. " : "")
                + (long_ ? "A session takes over 20 minutes. " : "")
                + "Patients keep up best with a few exercises: consider the two or three that matter most.");
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
            refresh();
        } catch (ProgramException e) {
            if (e.conflict()) {
                showConflict(e.getMessage());
            } else {
                showProblems(e.problems());
            }
        } finally {
            save.setEnabled(true);
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
            refresh();
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

    boolean hasUnsavedChanges() {
        return !draft.equals(saved);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!hasUnsavedChanges()) {
            return;
        }
        FormMessages.confirmLeave(event, "program", () -> {
            saved = List.copyOf(draft);
            drafts.discarded(patient.id());
        });
    }

    /** The count, time and "unsaved" note, and the print link, which must not offer a stale version. */
    private Duration refreshSummary() {
        Duration time = SessionTime.of(draft);
        boolean unsaved = hasUnsavedChanges();
        summary.setText(draft.size() + (draft.size() == 1 ? " exercise · " : " exercises · ")
                + SessionTime.describe(time) + " per session" + (unsaved ? " · unsaved changes" : ""));
        print.show(newest, unsaved);
        drafts.changed(patient.id(), version, draft, unsaved);
        return time;
    }
}


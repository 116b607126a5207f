package org.homestretch.catalog;

import org.homestretch.catalog.photo.ExercisePhotos;
import org.homestretch.catalog.photo.PhotoField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.homestretch.base.FormMessages;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates or edits one of the clinic's own exercises. Each broken rule shows next to its
 * field; leaving with unsaved changes asks first.
 */
@Route("catalog/edit")
@PermitAll
public class ExerciseEditorView extends Main implements HasUrlParameter<String>, HasDynamicTitle, BeforeLeaveObserver {

    private final CatalogService catalog;
    private final ExerciseFigures figures;
    final PhotoField photo;
    private Exercise editing;
    private ExerciseContent saved;
    private String savedFigure;

    final TextField name = new TextField("Name");
    final TextArea aliases = new TextArea("Other names (one per line)");
    final TextField purpose = new TextField("What it helps (one short sentence)");
    final Select<Position> position = new Select<>();
    final CheckboxGroup<BodyArea> bodyAreas = new CheckboxGroup<>("Body areas");
    final CheckboxGroup<Equipment> equipment = new CheckboxGroup<>("Equipment");
    final Checkbox inBed = new Checkbox("Can be done in bed");
    final RadioButtonGroup<BestTime> bestTime = new RadioButtonGroup<>("Best time");
    final TextArea steps = new TextArea("Steps (one per line, in order)");
    final TextArea tips = new TextArea("Tips (one per line)");
    final TextArea stopIf = new TextArea("Stop if (one per line)");
    final IntegerField sets = new IntegerField("Sets");
    final IntegerField repetitions = new IntegerField("Repetitions");
    final IntegerField holdSeconds = new IntegerField("Hold (seconds)");
    final Select<Sides> sides = new Select<>();
    final IntegerField timesPerDay = new IntegerField("Times per day");
    final IntegerField daysPerWeek = new IntegerField("Days per week");
    final IntegerField minutes = new IntegerField("Minutes (timed activity)");
    /** The built-in exercise whose figure this one borrows (its slug), or empty for none. */
    final Select<String> figure = new Select<>();
    final Div figurePreview = new Div();
    final Button save = new Button("Save");
    final Div formError = new Div();

    private final Map<String, HasValidation> fields;

    ExerciseEditorView(CatalogService catalog, ExercisePhotos photos, ExerciseFigures figures) {
        this.catalog = catalog;
        this.figures = figures;
        this.photo = new PhotoField(photos);
        addClassNames("hs-page", "hs-exercise-editor");
        fields = Map.ofEntries(Map.entry("name", name), Map.entry("aliases", aliases), Map.entry("purpose", purpose),
                Map.entry("position", position), Map.entry("bodyAreas", bodyAreas), Map.entry("bestTime", bestTime),
                Map.entry("steps", steps), Map.entry("tips", tips), Map.entry("stopIf", stopIf),
                Map.entry("sets", sets), Map.entry("repetitions", repetitions), Map.entry("holdSeconds", holdSeconds),
                Map.entry("sides", sides), Map.entry("timesPerDay", timesPerDay), Map.entry("daysPerWeek", daysPerWeek),
                Map.entry("minutes", minutes), Map.entry("figure", figure));

        name.setMaxLength(ExerciseContent.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        purpose.setMaxLength(ExerciseContent.PURPOSE_MAX);
        position.setLabel("Starting position");
        position.setItems(Position.values());
        position.setItemLabelGenerator(Position::label);
        bodyAreas.setItems(BodyArea.values());
        bodyAreas.setItemLabelGenerator(BodyArea::label);
        equipment.setItems(Equipment.values());
        equipment.setItemLabelGenerator(Equipment::label);
        bestTime.setItems(BestTime.values());
        bestTime.setItemLabelGenerator(BestTime::label);
        steps.setHelperText("Short sentences a patient can follow alone: one action per step.");
        steps.setMinRows(5);
        sides.setLabel("Sides");
        sides.setItems(Sides.values());
        sides.setItemLabelGenerator(Sides::label);
        for (IntegerField f : List.of(sets, repetitions, holdSeconds, timesPerDay, daysPerWeek, minutes)) {
            f.setStepButtonsVisible(true);
        }
        minutes.setMin(Dosage.MINUTES_MIN);
        minutes.setMax(Dosage.MINUTES_MAX);
        minutes.setHelperText("0 for counted exercises; minutes for walking or cycling, with sets and repetitions at 1.");
        sets.setMin(Dosage.SETS_MIN);
        sets.setMax(Dosage.SETS_MAX);
        repetitions.setMin(Dosage.REPETITIONS_MIN);
        repetitions.setMax(Dosage.REPETITIONS_MAX);
        holdSeconds.setMin(Dosage.HOLD_MIN);
        holdSeconds.setMax(Dosage.HOLD_MAX);
        timesPerDay.setMin(Dosage.TIMES_PER_DAY_MIN);
        timesPerDay.setMax(Dosage.TIMES_PER_DAY_MAX);
        daysPerWeek.setMin(Dosage.DAYS_PER_WEEK_MIN);
        daysPerWeek.setMax(Dosage.DAYS_PER_WEEK_MAX);
        holdSeconds.setHelperText("0 for a moving exercise; a held stretch starts at 3 holds.");
        holdSeconds.addValueChangeListener(e -> followHoldWithRepetitions(e.getOldValue(), e.getValue()));

        FormLayout about = new FormLayout(name, purpose, position, bestTime, bodyAreas, equipment, inBed, aliases);
        about.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        FormLayout text = new FormLayout(steps, tips, stopIf);
        text.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        FormLayout dosage = new FormLayout(sets, repetitions, holdSeconds, sides, timesPerDay, daysPerWeek, minutes);
        dosage.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("40em", 3));

        Map<String, String> choices = figures.choices();
        figure.setLabel("Figure");
        figure.setItems(choices.keySet());
        figure.setItemLabelGenerator(slug -> slug == null ? "No figure" : "Same as " + choices.getOrDefault(slug, slug));
        figure.setEmptySelectionAllowed(true);
        figure.setEmptySelectionCaption("No figure");
        figure.setHelperText("Start from a built-in exercise's drawing. A photo, if you add one, shows instead.");
        figure.addValueChangeListener(e -> showFigurePreview(e.getValue()));
        figurePreview.addClassName("hs-figure-preview");
        Div figureRow = new Div(figure, figurePreview);
        figureRow.addClassName("hs-figure-choice");

        formError.addClassName("hs-form-error");
        formError.setVisible(false);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save());
        Button cancel = new Button("Cancel", click -> leave());
        FlexLayout buttons = new FlexLayout(save, cancel);
        buttons.addClassName("hs-actions");

        add(about, new H3("Instructions"), text, new H3("Default dosage"), dosage, new H3("Picture"), figureRow, photo,
                formError, buttons);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String slug) {
        if (slug == null) {
            editing = null;
            photo.show(null);
            showFigure(null);
            show(new ExerciseContent("", List.of(), "", null, Set.of(), Set.of(Equipment.NONE), false, BestTime.ANY,
                    List.of(), List.of(), List.of(), Dosage.newExercise(false)));
            return;
        }
        editing = catalog.find(slug).filter(e -> !e.builtIn()).orElseThrow(NotFoundException::new);
        photo.show(editing);
        showFigure(editing.figure());
        show(editing.content());
    }

    @Override
    public String getPageTitle() {
        return editing == null ? "New exercise" : "Edit " + editing.name();
    }

    private void show(ExerciseContent c) {
        name.setValue(c.name());
        aliases.setValue(String.join("\n", c.aliases()));
        purpose.setValue(c.purpose());
        position.setValue(c.position());
        bodyAreas.setValue(c.bodyAreas());
        equipment.setValue(c.equipment());
        inBed.setValue(c.inBed());
        bestTime.setValue(c.bestTime());
        steps.setValue(String.join("\n", c.steps()));
        tips.setValue(String.join("\n", c.tips()));
        stopIf.setValue(String.join("\n", c.stopIf()));
        sets.setValue(c.dosage().sets());
        repetitions.setValue(c.dosage().repetitions());
        holdSeconds.setValue(c.dosage().holdSeconds());
        sides.setValue(c.dosage().sides());
        timesPerDay.setValue(c.dosage().timesPerDay());
        daysPerWeek.setValue(c.dosage().daysPerWeek());
        minutes.setValue(c.dosage().minutes());
        saved = read();
    }

    /** What the form holds now; an empty or unparsable number becomes -1 so the range check names it. */
    ExerciseContent read() {
        return new ExerciseContent(name.getValue(), lines(aliases), purpose.getValue(), position.getValue(),
                bodyAreas.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(bodyAreas.getValue()),
                equipment.getValue(), inBed.getValue(), bestTime.getValue(), lines(steps), lines(tips), lines(stopIf),
                new Dosage(number(sets), number(repetitions), number(holdSeconds), sides.getValue(),
                        number(timesPerDay), number(daysPerWeek), minutes.getValue() == null ? 0 : number(minutes)));
    }

    private void showFigure(String slug) {
        figure.setValue(slug);
        savedFigure = slug;
        showFigurePreview(slug);
    }

    private void showFigurePreview(String slug) {
        figurePreview.removeAll();
        if (slug != null) {
            figures.svg(slug, "Figure: " + figure.getItemLabelGenerator().apply(slug))
                    .ifPresent(svg -> figurePreview.add(FigureHtml.of(svg, "hs-figure-small")));
        }
    }

    /**
     * A new exercise that gets a hold time becomes a held stretch: 3 holds, not 10 (and back, if the
     * hold goes to 0). Only while the repetitions are still the default of the other kind, so a
     * number the therapist typed is never changed.
     */
    private void followHoldWithRepetitions(Integer oldHold, Integer newHold) {
        if (editing != null || oldHold == null || newHold == null) {
            return;
        }
        boolean wasHeld = oldHold > 0, isHeld = newHold > 0;
        if (wasHeld != isHeld && java.util.Objects.equals(repetitions.getValue(), Dosage.defaultRepetitions(oldHold))) {
            repetitions.setValue(Dosage.defaultRepetitions(newHold));
        }
    }

    /** Split at line breaks only: other control characters must reach the rule that refuses them. */
    private static List<String> lines(TextArea area) {
        return Arrays.asList(area.getValue().split("\n"));
    }

    private static int number(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    void save() {
        FormMessages.clear(fields, formError);
        ExerciseContent content = read();
        try {
            Exercise result = editing == null
                    ? catalog.create(content, figure.getValue())
                    : catalog.update(editing.id(), editing.version(), content, figure.getValue());
            saved = content;
            savedFigure = figure.getValue();
            editing = result;
            getUI().ifPresent(ui -> ui.navigate(ExerciseDetailView.class, result.slug()));
        } catch (CatalogException e) {
            FormMessages.show(e.problems(), fields, formError);
        }
    }

    boolean hasUnsavedChanges() {
        return saved != null && (!saved.equals(read()) || !java.util.Objects.equals(savedFigure, figure.getValue()));
    }

    private void leave() {
        getUI().ifPresent(ui -> {
            if (editing == null) {
                ui.navigate(CatalogView.class);
            } else {
                ui.navigate(ExerciseDetailView.class, editing.slug());
            }
        });
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!hasUnsavedChanges()) {
            return;
        }
        FormMessages.confirmLeave(event, "exercise", () -> saved = null);
    }
}

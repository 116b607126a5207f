package org.homestretch.program;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.homestretch.catalog.FigureHtml;

import java.util.Optional;

/**
 * One exercise in the editor's draft: its dosage fields, note, and move/duplicate/remove
 * buttons. Cards are made anew whenever the list changes, so each card's listeners live and
 * die with the card.
 */
final class ItemCard extends Div {

    /** What a card asks the editor to do with the draft. */
    interface Actions {
        void move(int from, int to);

        void duplicate(int index);

        void remove(int index);

        void replace(int index, ProgramItem item);
    }

    final int index;
    final DosageFields dosage;
    final TextField note = new TextField("Note for this patient");
    private ProgramItem item;

    ItemCard(int index, int count, ProgramItem item, Optional<String> figureSvg, Actions actions) {
        this.index = index;
        this.item = item;
        addClassName("hs-item-card");
        Span handle = new Span(VaadinIcon.ELLIPSIS_DOTS_V.create());
        handle.addClassName("hs-drag-handle");
        handle.getElement().setAttribute("title", "Drag to reorder");
        Span name = new Span((index + 1) + ". " + item.exerciseName());
        name.addClassName("hs-exercise-name");
        String exercise = item.exerciseName();
        Button up = iconButton(VaadinIcon.ARROW_UP, "Move " + exercise + " up", () -> actions.move(index, index - 1));
        Button down = iconButton(VaadinIcon.ARROW_DOWN, "Move " + exercise + " down", () -> actions.move(index, index + 1));
        Button duplicate = iconButton(VaadinIcon.COPY_O, "Duplicate " + exercise, () -> actions.duplicate(index));
        Button remove = iconButton(VaadinIcon.TRASH, "Remove " + exercise, () -> actions.remove(index));
        up.setEnabled(index > 0);
        down.setEnabled(index < count - 1);
        Div top = new Div(handle, name, new Span(SessionTime.describe(SessionTime.of(item.dosage()))), up, down,
                duplicate, remove);
        top.addClassName("hs-item-top");
        figureSvg.ifPresent(svg -> top.addComponentAtIndex(1, FigureHtml.of(svg, "hs-figure-small")));

        dosage = new DosageFields(item.dosage(), d -> {
            this.item = this.item.withDosage(d);
            actions.replace(index, this.item);
        });
        note.setValue(item.note());
        note.setMaxLength(ProgramItem.NOTE_MAX);
        note.setWidthFull();
        note.setValueChangeMode(ValueChangeMode.EAGER);
        note.addValueChangeListener(e -> {
            this.item = this.item.withNote(e.getValue());
            actions.replace(index, this.item);
        });
        add(top, dosage, note);

        DragSource<ItemCard> source = DragSource.create(this);
        source.setDragData(index);
        DropTarget<ItemCard> target = DropTarget.create(this);
        target.addDropListener(drop -> drop.getDragData()
                .filter(Integer.class::isInstance).map(Integer.class::cast)
                .ifPresent(from -> actions.move(from, index)));
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

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), c -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }
}

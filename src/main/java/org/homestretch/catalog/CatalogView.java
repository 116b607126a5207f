package org.homestretch.catalog;

import org.homestretch.catalog.transfer.CatalogTransfer;
import org.homestretch.catalog.transfer.ImportExportDialog;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.util.stream.Collectors;

/** The catalog: one search box, filters that combine, results as you type, loaded lazily. */
@Route("catalog")
@PageTitle("Catalog")
@Menu(order = 10, title = "Catalog", icon = "vaadin:book")
@PermitAll
public class CatalogView extends Main {

    private final CatalogService catalog;

    final TextField search = new TextField();
    final MultiSelectComboBox<BodyArea> bodyAreas = new MultiSelectComboBox<>("Body area");
    final Select<Position> position = new Select<>();
    final MultiSelectComboBox<Equipment> equipment = new MultiSelectComboBox<>("Equipment");
    final Checkbox inBed = new Checkbox("Can be done in bed");
    final Select<BestTime> time = new Select<>();
    final Select<CatalogQuery.Scope> scope = new Select<>();
    final Grid<Exercise> grid = new Grid<>();
    final Span resultCount = new Span();
    /** Shown instead of an empty grid, so "nothing found" never looks like "still loading". */
    final Div noResult = new Div();
    final Button newExercise = new Button("New exercise", VaadinIcon.PLUS.create());
    final Button importExport = new Button("Import / export", VaadinIcon.EXCHANGE.create());

    CatalogView(CatalogService catalog, CatalogTransfer transfer, ExerciseFigures figures) {
        this.catalog = catalog;
        addClassNames("hs-page", "hs-catalog");

        search.setPlaceholder("Search stretches, e.g. knee hug, hamstring, twist");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(200);
        search.setAriaLabel("Search the catalog");
        search.addClassName("hs-search");

        newExercise.addThemeVariants(ButtonVariant.PRIMARY);
        newExercise.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ExerciseEditorView.class)));
        importExport.addClickListener(click -> new ImportExportDialog(transfer, this::refresh).open());
        FlexLayout top = new FlexLayout(search, newExercise, importExport);
        top.addClassName("hs-catalog-top");

        bodyAreas.setItems(BodyArea.values());
        bodyAreas.setItemLabelGenerator(BodyArea::label);
        position.setLabel("Position");
        position.setItems(Position.values());
        position.setItemLabelGenerator(p -> p == null ? "Any position" : p.label());
        position.setEmptySelectionAllowed(true);
        position.setEmptySelectionCaption("Any position");
        equipment.setItems(Equipment.values());
        equipment.setItemLabelGenerator(Equipment::label);
        time.setLabel("Time of day");
        time.setItems(BestTime.MORNING, BestTime.BEDTIME);
        time.setItemLabelGenerator(t -> t == null ? "Any time" : t.label());
        time.setEmptySelectionAllowed(true);
        time.setEmptySelectionCaption("Any time");
        scope.setLabel("Show");
        scope.setItems(CatalogQuery.Scope.values());
        scope.setItemLabelGenerator(CatalogQuery.Scope::label);
        scope.setValue(CatalogQuery.Scope.ALL);
        FlexLayout filters = new FlexLayout(bodyAreas, position, equipment, time, scope, inBed);
        filters.addClassName("hs-filters");

        grid.addComponentColumn(this::favouriteButton).setKey("favourite").setHeader("").setWidth("4rem").setFlexGrow(0);
        grid.addComponentColumn(e -> figures.svg(e).<Component>map(svg -> FigureHtml.of(svg, "hs-figure-small"))
                .orElseGet(Div::new)).setKey("figure").setHeader("").setWidth("8.5rem").setFlexGrow(0);
        grid.addComponentColumn(CatalogView::nameCell).setKey("name").setHeader("Exercise").setFlexGrow(4);
        grid.addColumn(e -> e.content().position().label()).setKey("position").setHeader("Position").setFlexGrow(1);
        grid.addColumn(e -> e.content().bodyAreas().stream().sorted().map(BodyArea::label)
                .collect(Collectors.joining(", "))).setKey("areas").setHeader("Body areas").setFlexGrow(2);
        grid.addComponentColumn(e -> wrapped(e.content().dosage().summary())).setKey("dosage")
                .setHeader("Default dosage").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("hs-catalog-grid");
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setItems(query -> catalog.search(query(), query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = catalog.count(query());
                    resultCount.setText(count == 1 ? "1 exercise" : count + " exercises");
                    showNoResult(count == 0);
                    return count;
                });

        search.addValueChangeListener(e -> refresh());
        bodyAreas.addValueChangeListener(e -> refresh());
        position.addValueChangeListener(e -> refresh());
        equipment.addValueChangeListener(e -> refresh());
        inBed.addValueChangeListener(e -> refresh());
        time.addValueChangeListener(e -> refresh());
        scope.addValueChangeListener(e -> refresh());

        resultCount.addClassName("hs-result-count");
        // A live region, so a screen reader hears "nothing found" without leaving the search box.
        resultCount.getElement().setAttribute("aria-live", "polite");
        noResult.addClassName("hs-no-result");
        noResult.getElement().setAttribute("role", "status");
        noResult.setVisible(false);
        add(top, filters, resultCount, noResult, grid);
    }

    CatalogQuery query() {
        return new CatalogQuery(search.getValue(), bodyAreas.getValue(), position.getValue(), equipment.getValue(),
                inBed.getValue(), time.getValue(), scope.getValue());
    }

    private void showNoResult(boolean empty) {
        noResult.setVisible(empty);
        // The grid stays (hiding it would stop it asking for data); it only shrinks to its header.
        grid.getElement().getClassList().set("hs-grid-empty", empty);
        if (empty) {
            String text = search.getValue().strip();
            noResult.setText(text.isEmpty()
                    ? "No exercise matches these filters. Try fewer filters, or clear them."
                    : "No exercise matches \"" + text + "\". Check the spelling, try another word, or clear the filters.");
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void open(Exercise exercise) {
        getUI().ifPresent(ui -> ui.navigate(ExerciseDetailView.class, exercise.slug()));
    }

    private Component favouriteButton(Exercise exercise) {
        Button star = new Button((exercise.favourite() ? VaadinIcon.STAR : VaadinIcon.STAR_O).create());
        star.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        star.setAriaLabel((exercise.favourite() ? "Remove from favourites: " : "Add to favourites: ") + exercise.name());
        star.addClassName(exercise.favourite() ? "hs-star-on" : "hs-star-off");
        star.addClickListener(click -> {
            catalog.setFavourite(exercise.id(), !exercise.favourite());
            refresh();
        });
        return star;
    }

    private static Component wrapped(String text) {
        Div cell = new Div(text);
        cell.addClassName("hs-wrap");
        return cell;
    }

    private static Component nameCell(Exercise exercise) {
        Span name = new Span(exercise.name());
        name.addClassName("hs-exercise-name");
        Div cell = new Div(name);
        cell.addClassName("hs-wrap");
        if (!exercise.builtIn()) {
            Span badge = new Span(exercise.archived() ? "Archived" : "Our clinic");
            badge.getElement().getThemeList().add("badge small contrast");
            badge.addClassName("hs-badge");
            cell.add(badge);
        }
        if (exercise.content().inBed()) {
            Span bed = new Span("In bed");
            bed.getElement().getThemeList().add("badge small");
            bed.addClassName("hs-badge");
            cell.add(bed);
        }
        Div purpose = new Div(exercise.content().purpose());
        purpose.addClassName("hs-exercise-purpose");
        cell.add(purpose);
        return cell;
    }
}

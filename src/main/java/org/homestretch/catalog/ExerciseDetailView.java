package org.homestretch.catalog;

import org.homestretch.catalog.photo.ExercisePhotoImage;
import org.homestretch.catalog.photo.ExercisePhotos;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.homestretch.base.FactRow;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Everything about one exercise, laid out for a therapist to read at a glance. */
@Route("catalog")
@PermitAll
public class ExerciseDetailView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final CatalogService catalog;
    private final ExercisePhotos photos;
    private final ExerciseFigures figures;
    private Exercise exercise;

    ExerciseDetailView(CatalogService catalog, ExercisePhotos photos, ExerciseFigures figures) {
        this.catalog = catalog;
        this.photos = photos;
        this.figures = figures;
        addClassNames("hs-page", "hs-exercise-detail");
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        // Looked up within the caller's clinic: another clinic's slug is simply not found.
        exercise = catalog.find(slug).orElseThrow(NotFoundException::new);
        render();
    }

    @Override
    public String getPageTitle() {
        return exercise == null ? "Exercise" : exercise.name();
    }

    private void render() {
        removeAll();
        ExerciseContent c = exercise.content();

        H2 title = new H2(exercise.name());
        Div heading = new Div(title, badges());
        heading.addClassName("hs-detail-heading");
        Paragraph purpose = new Paragraph(c.purpose());
        purpose.addClassName("hs-lead");

        // A clinic's own photo wins over the drawn figure; without either, the frame says the position.
        Component figure = exercise.hasPhoto() ? new ExercisePhotoImage(photos, exercise)
                : figures.movingSvg(exercise).<Component>map(svg -> FigureHtml.of(svg, "hs-figure-large"))
                .orElseGet(() -> placeholder(c));

        Div facts = new Div(
                new FactRow("Position", c.position().label()),
                new FactRow("Body areas", c.bodyAreas().stream().sorted().map(BodyArea::label).collect(Collectors.joining(", "))),
                new FactRow("Equipment", c.equipment().stream().sorted().map(Equipment::label).collect(Collectors.joining(", "))),
                new FactRow("In bed", c.inBed() ? "Yes, can be done in bed" : "No"),
                new FactRow("Best time", c.bestTime().label()),
                new FactRow("Default dosage", DosageText.sentence(c.dosage())));
        facts.addClassName("hs-facts");

        Div top = new Div(figure, facts);
        top.addClassName("hs-detail-top");

        add(heading, purpose, actions(), top);
        add(new H3("Steps"), ordered(c.steps()));
        if (!c.tips().isEmpty()) {
            add(new H3("Tips"), unordered(c.tips()));
        }
        if (!c.stopIf().isEmpty()) {
            Div stop = new Div(new H3("Stop and tell your therapist if"), unordered(c.stopIf()));
            stop.addClassName("hs-stop-box");
            add(stop);
        }
        if (!c.aliases().isEmpty()) {
            add(new H3("Also known as"), new Paragraph(String.join(", ", c.aliases())));
        }
        if (!exercise.sources().isEmpty()) {
            add(sources(exercise.sources()));
        }
    }

    /** Seed articles by file name, public pages as links that open in a new tab. */
    static Component sources(List<String> sources) {
        UnorderedList list = new UnorderedList();
        for (String text : sources) {
            ExerciseSource source = ExerciseSource.parse(text);
            if (source.url() != null) {
                Anchor link = new Anchor(source.url(), source.title());
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                list.add(new ListItem(link));
            } else {
                list.add(new ListItem(source.title()));
            }
        }
        Div box = new Div(new H3("Sources"), list);
        box.addClassName("hs-sources");
        return box;
    }

    private static Component placeholder(ExerciseContent c) {
        Div figure = new Div(new Span(c.position().label()));
        figure.addClassName("hs-figure-placeholder");
        figure.getElement().setAttribute("aria-label", "Figure of the exercise");
        return figure;
    }

    private Component badges() {
        Div badges = new Div();
        Span kind = new Span(exercise.builtIn() ? "Built-in" : "Our clinic");
        kind.getElement().getThemeList().add("badge");
        badges.add(kind);
        if (exercise.archived()) {
            Span archived = new Span("Archived");
            archived.getElement().getThemeList().add("badge contrast");
            badges.add(archived);
        }
        return badges;
    }

    private Component actions() {
        FlexLayout actions = new FlexLayout();
        actions.addClassName("hs-actions");
        Button favourite = new Button(exercise.favourite() ? "Favourite" : "Add to favourites",
                (exercise.favourite() ? VaadinIcon.STAR : VaadinIcon.STAR_O).create());
        favourite.addClickListener(click -> {
            catalog.setFavourite(exercise.id(), !exercise.favourite());
            reload();
        });
        Button duplicate = new Button("Duplicate to customise", VaadinIcon.COPY.create());
        duplicate.addClickListener(click -> {
            Exercise copy = catalog.duplicate(exercise.id());
            getUI().ifPresent(ui -> ui.navigate(ExerciseEditorView.class, copy.slug()));
        });
        actions.add(favourite, duplicate);
        if (!exercise.builtIn()) {
            Button edit = new Button("Edit", VaadinIcon.EDIT.create());
            edit.addThemeVariants(ButtonVariant.PRIMARY);
            edit.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ExerciseEditorView.class, exercise.slug())));
            Button archive = new Button(exercise.archived() ? "Restore" : "Archive");
            archive.addClickListener(click -> {
                try {
                    catalog.setArchived(exercise.id(), !exercise.archived());
                    Notification.show(exercise.archived() ? "Restored to the catalog."
                            : "Archived. Programs that use it keep it.", 4000, Notification.Position.BOTTOM_START);
                    reload();
                } catch (CatalogException e) {
                    Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            actions.addComponentAsFirst(edit);
            actions.add(archive);
        }
        return actions;
    }

    private void reload() {
        exercise = catalog.find(exercise.slug()).orElseThrow(NotFoundException::new);
        render();
    }


    private static OrderedList ordered(List<String> lines) {
        OrderedList list = new OrderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        list.addClassName("hs-steps");
        return list;
    }

    private static UnorderedList unordered(List<String> lines) {
        UnorderedList list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        return list;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

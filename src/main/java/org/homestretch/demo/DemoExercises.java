package org.homestretch.demo;

import org.homestretch.catalog.BestTime;
import org.homestretch.catalog.BodyArea;
import org.homestretch.catalog.CatalogQuery;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Equipment;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.catalog.Position;
import org.homestretch.catalog.Sides;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** A few of the demo clinic's own exercises, so the catalog shows built-in and custom side by side. */
@Component
@Profile("demo")
class DemoExercises {

    private final CatalogService catalog;

    DemoExercises(CatalogService catalog) {
        this.catalog = catalog;
    }

    void seed() {
        if (catalog.count(new CatalogQuery("", Set.of(), null, Set.of(), false, null, CatalogQuery.Scope.CUSTOM)) > 0) {
            return;
        }
        catalog.create(new ExerciseContent("Seated forward reach", List.of("chair reach", "seated toe reach"),
                "Gently loosens your lower back while you sit.", Position.SITTING,
                Set.of(BodyArea.LOWER_BACK, BodyArea.HAMSTRINGS), Set.of(Equipment.CHAIR), false, BestTime.MORNING,
                List.of("Sit near the front of a steady chair.", "Put your feet flat and a little apart.",
                        "Slide your hands down your legs toward your ankles.", "Stop when you feel a mild pull.",
                        "Sit back up slowly, one bit of your back at a time."),
                List.of("Breathe out as you reach down."),
                List.of("Stop if you feel dizzy.", "Stop if pain goes down your leg."),
                new Dosage(1, 5, 10, Sides.NONE, 2, 7)));
        catalog.create(new ExerciseContent("Wall slide", List.of("wall squat", "back slide"),
                "Builds leg and core strength with your back safe against a wall.", Position.STANDING,
                Set.of(BodyArea.CORE, BodyArea.GLUTES), Set.of(Equipment.WALL), false, BestTime.ANY,
                List.of("Stand with your back flat against a wall.", "Step your feet one foot length away.",
                        "Slide down a little, as if to sit.", "Keep your knees over your toes.",
                        "Push back up to standing."),
                List.of("Only go as low as feels easy."),
                List.of("Stop if your knees hurt.", "Stop if you feel sharp pain in your back."),
                new Dosage(2, 8, 5, Sides.NONE, 1, 5)));
        Exercise copy = catalog.duplicate(catalog.find("knee-to-chest").orElseThrow().id());
        ExerciseContent c = copy.content();
        catalog.update(copy.id(), copy.version(), new ExerciseContent("Knee to chest, gentle start", c.aliases(),
                c.purpose(), c.position(), c.bodyAreas(), c.equipment(), c.inBed(), c.bestTime(), c.steps(), c.tips(),
                c.stopIf(), new Dosage(1, 3, 10, Sides.EACH_SIDE, 2, 7)));
    }
}

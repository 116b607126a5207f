package org.homestretch.generator;

import org.homestretch.catalog.BestTime;
import org.homestretch.catalog.BodyArea;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Equipment;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.catalog.Position;
import org.homestretch.catalog.Sides;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invented exercises whose names read like a real catalog's ("Seated hamstring glide with a
 * towel"), so that typo, synonym and prefix searches over them behave as over real names. The
 * same seed gives the same exercises in the same order.
 */
final class GeneratedCatalog {

    private record Place(String word, Position position, boolean inBed) {
    }

    private record Area(String word, String otherName, BodyArea bodyArea) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("Standing", Position.STANDING, false), new Place("Seated", Position.SITTING, false),
            new Place("Lying", Position.LYING_ON_BACK, true), new Place("Kneeling", Position.KNEELING, false),
            new Place("Side-lying", Position.SIDE_LYING, true), new Place("Prone", Position.LYING_ON_FRONT, true),
            new Place("Four-point", Position.HANDS_AND_KNEES, false), new Place("Bedside", Position.EDGE_OF_BED, true),
            new Place("Half-kneeling", Position.KNEELING, false), new Place("Supine", Position.LYING_ON_BACK, true));

    private static final List<Area> AREAS = List.of(
            new Area("hamstring", "back of thigh", BodyArea.HAMSTRINGS),
            new Area("hip flexor", "front of hip", BodyArea.HIP_FLEXORS),
            new Area("glute", "buttock", BodyArea.GLUTES),
            new Area("lower back", "lumbar", BodyArea.LOWER_BACK),
            new Area("piriformis", "deep hip", BodyArea.HIPS),
            new Area("spine", "backbone", BodyArea.WHOLE_SPINE),
            new Area("core", "tummy muscles", BodyArea.CORE),
            new Area("hip", "hip joint", BodyArea.HIPS),
            new Area("adductor", "inner thigh", BodyArea.HIPS),
            new Area("lumbar", "low back", BodyArea.LOWER_BACK),
            new Area("trunk", "upper body", BodyArea.WHOLE_SPINE),
            new Area("sciatic nerve", "nerve", BodyArea.LOWER_BACK));

    private static final List<String> ACTIONS = List.of("stretch", "rotation", "hold", "slide", "raise", "reach",
            "twist", "rock", "glide", "press", "lift", "tilt");

    private static final List<String> VARIANTS = List.of("", " with a towel", " with a strap", " with a band",
            " on a step", " at a desk", " with a pillow", " with a ball", " with a wall", " (gentle)", " (deep)",
            " with breathing");

    private GeneratedCatalog() {
    }

    /**
     * Every combination (17,280), in a seeded shuffle: the caller takes as many as it needs,
     * passing over a name the catalog already has (a built-in such as "Kneeling hip flexor stretch").
     */
    static List<ExerciseContent> exercises(long seed) {
        List<int[]> combinations = new ArrayList<>();
        for (int p = 0; p < PLACES.size(); p++) {
            for (int a = 0; a < AREAS.size(); a++) {
                for (int c = 0; c < ACTIONS.size(); c++) {
                    for (int v = 0; v < VARIANTS.size(); v++) {
                        combinations.add(new int[] {p, a, c, v});
                    }
                }
            }
        }
        Random random = new Random(seed);
        Collections.shuffle(combinations, random);
        List<ExerciseContent> exercises = new ArrayList<>(combinations.size());
        for (int[] pick : combinations) {
            exercises.add(content(PLACES.get(pick[0]), AREAS.get(pick[1]), ACTIONS.get(pick[2]), VARIANTS.get(pick[3]),
                    random));
        }
        return exercises;
    }

    private static ExerciseContent content(Place place, Area area, String action, String variant, Random random) {
        String name = place.word() + " " + area.word() + " " + action + variant;
        boolean held = action.equals("stretch") || action.equals("hold");
        Dosage dosage = new Dosage(1 + random.nextInt(2), held ? 3 : 8 + random.nextInt(5), held ? 20 + 10 * random.nextInt(3) : 0,
                random.nextBoolean() ? Sides.EACH_SIDE : Sides.BOTH_TOGETHER, 1 + random.nextInt(2), 5 + random.nextInt(3));
        return new ExerciseContent(name,
                List.of(area.otherName() + " " + action, place.word().toLowerCase() + " " + area.word() + " exercise"),
                "Helps your " + area.otherName() + " move more easily.",
                place.position(), Set.of(area.bodyArea()),
                variant.contains("towel") || variant.contains("strap") ? Set.of(Equipment.STRAP_OR_TOWEL)
                        : variant.contains("pillow") ? Set.of(Equipment.PILLOW)
                        : variant.contains("wall") ? Set.of(Equipment.WALL) : Set.of(Equipment.NONE),
                place.inBed(), BestTime.ANY,
                List.of("Get into position: " + place.word().toLowerCase() + ".",
                        "Move slowly into the " + action + " until you feel a mild pull.",
                        "Breathe out and hold as long as your plan says.",
                        "Come back slowly."),
                List.of("Keep the movement small and easy."),
                List.of("You feel sharp or shooting pain."),
                dosage);
    }
}

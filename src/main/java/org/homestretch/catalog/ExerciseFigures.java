package org.homestretch.catalog;

import org.homestretch.illustration.FigureLibrary;
import org.homestretch.illustration.MotionLibrary;
import org.homestretch.illustration.MotionSvg;
import org.homestretch.illustration.SvgWriter;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exercise figures, for any feature that shows an exercise: SVG markup for pages, vector
 * drawings for print. Built-in exercises have their own figure; a clinic's exercise may borrow a
 * built-in one. The figures are drawn by our code from {@code catalog/figures.json}; the only text
 * in the markup is the exercise's name, escaped.
 */
@Service
public class ExerciseFigures {

    private final FigureLibrary library = FigureLibrary.load();
    private final MotionLibrary motions = MotionLibrary.load();
    private final ExerciseRepository exercises;
    private final CurrentUser currentUser;
    /**
     * Moving figures drawn lately, shared by every open screen: each program editor keeps its
     * cards' figures, and one copy for all of them instead of one each keeps an open editor small
     * (docs/PERFORMANCE.md, "Memory per session and start-up time"). Bounded: a figure is a few tens of KB.
     */
    private final Map<String, Optional<String>> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                    return size() > 200;
                }
            });

    ExerciseFigures(ExerciseRepository exercises, CurrentUser currentUser) {
        this.exercises = exercises;
        this.currentUser = currentUser;
    }

    /**
     * The exercise's figure as a self-contained {@code <svg>} element: a viewBox and no fixed size
     * (CSS sizes it), {@code role="img"} and the exercise's name as its {@code aria-label}.
     * Empty when the exercise has no figure.
     */
    public Optional<String> svg(Exercise exercise) {
        return figure(exercise).map(ExerciseFigure::svg);
    }

    /** As {@link #svg(Exercise)}, for an exercise id looked up within the signed-in user's clinic. */
    @Transactional(readOnly = true)
    public Optional<String> svg(ExerciseId id) {
        SignedInUser user = currentUser.require();
        return exercises.findById(user.clinicId(), user.userId(), id).flatMap(this::svg);
    }

    /**
     * As {@link #svg(Exercise)}, but a figure with a start and an end pose plays its movement,
     * holding the end pose for {@code holdSeconds} (up to a few seconds); a still figure where the
     * reader asks for reduced motion and in print. A figure that does not move is the still one.
     */
    public Optional<String> movingSvg(Exercise exercise, int holdSeconds) {
        String key = exercise.figureSlug() + '\u0000' + exercise.name() + '\u0000' + holdSeconds;
        Optional<String> drawn = recent.get(key);
        if (drawn == null) {
            drawn = motions.find(exercise.figureSlug()).map(m -> MotionSvg.write(m, exercise.name(), holdSeconds))
                    .or(() -> svg(exercise));
            recent.put(key, drawn);
        }
        return drawn;
    }

    /** As {@link #movingSvg(Exercise, int)} with the exercise's own default hold. */
    public Optional<String> movingSvg(Exercise exercise) {
        return movingSvg(exercise, exercise.content().dosage().holdSeconds());
    }

    /** As {@link #movingSvg(Exercise, int)}, for an exercise id looked up within the signed-in user's clinic. */
    @Transactional(readOnly = true)
    public Optional<String> movingSvg(ExerciseId id, int holdSeconds) {
        SignedInUser user = currentUser.require();
        return exercises.findById(user.clinicId(), user.userId(), id).flatMap(e -> movingSvg(e, holdSeconds));
    }

    /** The figure as a drawing, for print. */
    public Optional<ExerciseFigure> figure(Exercise exercise) {
        return library.find(exercise.figureSlug()).map(f -> new ExerciseFigure(f.drawing(), exercise.name()));
    }

    boolean exists(String figureSlug) {
        return library.find(figureSlug).isPresent();
    }

    /** Built-in exercises with a figure, slug to name, by name: what a clinic exercise may borrow. */
    @Transactional(readOnly = true)
    Map<String, String> choices() {
        Map<String, String> names = exercises.builtInNamesBySlug();
        names.keySet().retainAll(library.all().keySet());
        return names;
    }

    /** The SVG of a built-in figure by slug, labelled with {@code name}; for the editor's preview. */
    Optional<String> svg(String figureSlug, String name) {
        return library.find(figureSlug).map(f -> SvgWriter.write(f.drawing(), name));
    }
}

package org.homestretch.catalog;

import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homestretch.security.UserId;
import org.homestretch.security.ClinicId;

/**
 * The catalog as the signed-in therapist sees it: built-in exercises plus their own clinic's.
 * An id or slug from a URL is always looked up together with the caller's clinic.
 */
@Service
public class CatalogService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Nobody's favourites: the patient page has no signed-in user. */
    private static final UserId NOBODY = new UserId(new UUID(0, 0));

    private final ExerciseRepository exercises;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ExerciseFigures figures;

    CatalogService(ExerciseRepository exercises, CurrentUser currentUser, Clock clock, ExerciseFigures figures) {
        this.exercises = exercises;
        this.currentUser = currentUser;
        this.clock = clock;
        this.figures = figures;
    }

    @Transactional(readOnly = true)
    public List<Exercise> search(CatalogQuery query, int offset, int limit) {
        SignedInUser user = currentUser.require();
        return exercises.search(user.clinicId(), user.userId(), query, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(CatalogQuery query) {
        SignedInUser user = currentUser.require();
        return exercises.count(user.clinicId(), user.userId(), query);
    }

    @Transactional(readOnly = true)
    public Optional<Exercise> find(String slug) {
        SignedInUser user = currentUser.require();
        return exercises.findBySlug(user.clinicId(), user.userId(), slug);
    }

    @Transactional(readOnly = true)
    public Optional<Exercise> find(ExerciseId id) {
        SignedInUser user = currentUser.require();
        return exercises.findById(user.clinicId(), user.userId(), id);
    }

    /**
     * Several exercises by id in one statement (a program's items): those visible to the caller's
     * clinic, by id; an id that is unknown or another clinic's is simply absent.
     */
    @Transactional(readOnly = true)
    public Map<ExerciseId, Exercise> findAll(Collection<ExerciseId> ids) {
        SignedInUser user = currentUser.require();
        return exercises.findByIds(user.clinicId(), user.userId(), ids);
    }

    /**
     * For the patient's own page, where nobody signs in: the clinic comes from the patient's
     * proven access, never from a URL. Built-in exercises and that clinic's own only.
     */
    @Transactional(readOnly = true)
    public Optional<Exercise> findForPatient(ClinicId clinicId, ExerciseId id) {
        return exercises.findById(clinicId, NOBODY, id);
    }

    /** Creates a clinic exercise, visible to everyone in the clinic and nobody else. */
    @Transactional
    public Exercise create(ExerciseContent content) {
        return create(content, null);
    }

    /** As {@link #create(ExerciseContent)}, showing the figure of the built-in exercise {@code figure} (a slug, or null). */
    @Transactional
    public Exercise create(ExerciseContent content, String figure) {
        SignedInUser user = currentUser.require();
        check(user, content, null, figure);
        ExerciseId id = exercises.insertCustom(user.clinicId(), newSlug(content.name()), content, List.of(), figure,
                clock.instant());
        return exercises.findById(user.clinicId(), user.userId(), id).orElseThrow();
    }

    /**
     * Saves changes to a clinic exercise. Refused if someone else saved it since the editor
     * loaded {@code expectedVersion}, so that nobody's edit is silently overwritten.
     */
    @Transactional
    public Exercise update(ExerciseId id, int expectedVersion, ExerciseContent content) {
        SignedInUser user = currentUser.require();
        String figure = exercises.findById(user.clinicId(), user.userId(), id).map(Exercise::figure).orElse(null);
        return update(id, expectedVersion, content, figure);
    }

    /** As {@link #update(ExerciseId, int, ExerciseContent)}, also choosing the borrowed figure (a slug, or null). */
    @Transactional
    public Exercise update(ExerciseId id, int expectedVersion, ExerciseContent content, String figure) {
        SignedInUser user = currentUser.require();
        Exercise existing = exercises.findById(user.clinicId(), user.userId(), id)
                .orElseThrow(() -> new CatalogException(null, "This exercise no longer exists."));
        if (existing.builtIn()) {
            throw new CatalogException(null, "Built-in exercises cannot be changed. Duplicate it to make your own.");
        }
        check(user, content, id, figure);
        if (!exercises.updateCustom(user.clinicId(), id, expectedVersion, content, figure, clock.instant())) {
            throw new CatalogException(null, "Someone else saved this exercise while you were editing. "
                    + "Your changes are still in the form: copy what you need, reload, and apply them again.");
        }
        return exercises.findById(user.clinicId(), user.userId(), id).orElseThrow();
    }

    /** Makes an editable clinic copy of any visible exercise ("Duplicate to customise"). */
    @Transactional
    public Exercise duplicate(ExerciseId id) {
        SignedInUser user = currentUser.require();
        Exercise original = exercises.findById(user.clinicId(), user.userId(), id)
                .orElseThrow(() -> new CatalogException(null, "This exercise no longer exists."));
        String name = copyName(user, original.name());
        ExerciseContent c = original.content();
        ExerciseContent copy = new ExerciseContent(name, c.aliases(), c.purpose(), c.position(), c.bodyAreas(),
                c.equipment(), c.inBed(), c.bestTime(), c.steps(), c.tips(), c.stopIf(), c.dosage());
        // The copy keeps the figure: a duplicated built-in shows the built-in's figure.
        ExerciseId copyId = exercises.insertCustom(user.clinicId(), newSlug(name), copy, original.sources(),
                original.figureSlug(), clock.instant());
        return exercises.findById(user.clinicId(), user.userId(), copyId).orElseThrow();
    }

    /** Archived exercises leave the catalog list but stay in the programs that use them. */
    @Transactional
    public void setArchived(ExerciseId id, boolean archived) {
        SignedInUser user = currentUser.require();
        if (!exercises.setArchived(user.clinicId(), id, archived)) {
            throw new CatalogException(null, "Only your clinic's own exercises can be archived.");
        }
    }

    @Transactional
    public void setFavourite(ExerciseId id, boolean favourite) {
        SignedInUser user = currentUser.require();
        exercises.findById(user.clinicId(), user.userId(), id)
                .orElseThrow(() -> new CatalogException(null, "This exercise no longer exists."));
        exercises.setFavourite(user.userId(), id, favourite, clock.instant());
    }

    private void check(SignedInUser user, ExerciseContent content, ExerciseId except, String figure) {
        List<org.homestretch.base.FieldProblem> problems = new ArrayList<>(content.problems());
        if (figure != null && !figures.exists(figure)) {
            problems.add(new org.homestretch.base.FieldProblem("figure", "Choose a figure from the list."));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("name"))
                && exercises.nameTaken(user.clinicId(), content.name(), except)) {
            problems.add(new org.homestretch.base.FieldProblem("name",
                    "An exercise with this name already exists. Choose another name."));
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
    }

    private String copyName(SignedInUser user, String name) {
        String base = name.length() > 100 ? name.substring(0, 100) : name;
        String candidate = base + " (copy)";
        for (int i = 2; exercises.nameTaken(user.clinicId(), candidate, null); i++) {
            candidate = base + " (copy " + i + ")";
        }
        return candidate;
    }

    /** A readable, stable address; the random tail keeps clinics' slugs apart from each other and from built-ins. */
    public static String newSlug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String base = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-$", "");
        }
        String tail = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        return (base.isEmpty() ? "exercise" : base) + "-" + tail.substring(0, Math.min(6, tail.length()));
    }
}

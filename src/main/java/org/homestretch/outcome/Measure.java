package org.homestretch.outcome;

import java.util.List;
import java.util.Optional;

/**
 * An outcome measure as data, so that another one is a new constant here rather than new code.
 *
 * @param id                stored in {@code outcome_score.measure}; never rename
 * @param name              what the therapist reads
 * @param shortName         for buttons and charts
 * @param minItems          fewest items a score needs
 * @param maxItems          most items a score may have
 * @param minScore          lowest score of one item (and of the total)
 * @param maxScore          highest score of one item (and of the total)
 * @param higherIsBetter    whether a rising score means the patient is better
 * @param importantPoints   a change of at least this many points is clinically important
 * @param importantFraction an improvement of at least this share of the baseline is too (0: no such rule)
 */
public record Measure(String id, String name, String shortName, int minItems, int maxItems, int minScore,
                      int maxScore, boolean higherIsBetter, double importantPoints, double importantFraction) {

    /**
     * Patient-Specific Functional Scale (Stratford et al. 1995): 3 to 5 activities the patient
     * finds hard, each 0 (unable) to 10 (as before); the score is their mean.
     */
    public static final Measure PSFS = new Measure("PSFS", "Patient-Specific Functional Scale", "PSFS", 3, 5, 0,
            10, true, 2, 0);

    /**
     * Numeric Pain Rating Scale: one number, 0 (no pain) to 10 (worst imaginable). Important:
     * 2 points, or a fall of 30 % of the baseline (Farrar et al. 2001; Childs et al. 2005).
     */
    public static final Measure NPRS = new Measure("NPRS", "Numeric Pain Rating Scale", "Pain (NPRS)", 1, 1, 0,
            10, false, 2, 0.3);

    public static final List<Measure> ALL = List.of(PSFS, NPRS);

    public static Optional<Measure> find(String id) {
        return ALL.stream().filter(m -> m.id.equals(id)).findFirst();
    }

    /** The score of one entry: the mean of its items. */
    public double score(List<Integer> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A score needs at least one item");
        }
        return items.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    /** Whether going from {@code baseline} to {@code latest} is a clinically important improvement or worsening. */
    public boolean important(double baseline, double latest) {
        double change = Math.abs(latest - baseline);
        // Scores are stored to two decimals; the tolerance keeps 4.67 -> 6.67 a change of 2.
        if (change >= importantPoints - 0.005) {
            return true;
        }
        // The percentage rule was validated for pain going down (Farrar 2001), so it counts for
        // improvement only: pain 1 -> 2 is 100 % worse but not an important change.
        return importantFraction > 0 && baseline > 0 && better(baseline, latest)
                && change >= importantFraction * baseline - 0.005;
    }

    public boolean better(double baseline, double latest) {
        return higherIsBetter ? latest > baseline : latest < baseline;
    }

    /**
     * The score that would first count as a clinically important improvement on
     * {@code baseline}, if the scale reaches it: where the chart draws its target line.
     */
    public Optional<Double> importantTarget(double baseline) {
        double byPoints = higherIsBetter ? baseline + importantPoints : baseline - importantPoints;
        double target = byPoints;
        if (importantFraction > 0 && baseline > 0) {
            // Whichever rule the patient meets first: the target nearer the baseline.
            target = higherIsBetter ? Math.min(byPoints, baseline * (1 + importantFraction))
                    : Math.max(byPoints, baseline * (1 - importantFraction));
        }
        return target < minScore || target > maxScore ? Optional.empty() : Optional.of(target);
    }
}

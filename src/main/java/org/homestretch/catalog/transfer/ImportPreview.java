package org.homestretch.catalog.transfer;

import java.util.List;

/**
 * What importing a file would do, exercise by exercise, in the order of the file. Making a
 * preview writes nothing.
 */
public record ImportPreview(List<Line> lines) {

    public enum Action {
        /** No exercise of the clinic has its address or its name yet. */
        ADD,
        /** The clinic's exercise with the same address differs from the file. */
        UPDATE,
        /** The clinic's exercise with the same address is exactly as in the file. */
        UNCHANGED,
        /** Not imported; the details say why. */
        REFUSE
    }

    /**
     * One exercise of the file: its place in the file (from 1), its name, the decision, and the
     * details: why it is refused, or what an update changes.
     */
    public record Line(int number, String name, Action action, List<String> details) {

        public Line {
            details = List.copyOf(details);
        }

        public String text() {
            return switch (action) {
                case ADD -> "Add: " + name;
                case UPDATE -> "Update: " + name + " — changes " + String.join(", ", details);
                case UNCHANGED -> "Unchanged: " + name;
                case REFUSE -> "Refuse: " + name + " — " + String.join(" ", details);
            };
        }
    }

    public ImportPreview {
        lines = List.copyOf(lines);
    }

    public int count(Action action) {
        return (int) lines.stream().filter(line -> line.action() == action).count();
    }

    /** How many exercises an import would write: the added and the updated ones. */
    public int toImport() {
        return count(Action.ADD) + count(Action.UPDATE);
    }

    /** For example "2 to add, 1 to update, 3 unchanged, 1 refused." */
    public String summary() {
        if (lines.isEmpty()) {
            return "The file holds no exercises.";
        }
        return count(Action.ADD) + " to add, " + count(Action.UPDATE) + " to update, "
                + count(Action.UNCHANGED) + " unchanged, " + count(Action.REFUSE) + " refused.";
    }
}

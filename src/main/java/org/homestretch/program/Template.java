package org.homestretch.program;

import java.util.List;

/** A program to start from: built-in (from the source articles), clinic-wide, or one therapist's own. */
public record Template(ProgramId id, String name, Scope scope, List<ProgramItem> items) {

    public enum Scope {
        BUILT_IN("Built-in"), CLINIC("Clinic"), PERSONAL("Mine");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

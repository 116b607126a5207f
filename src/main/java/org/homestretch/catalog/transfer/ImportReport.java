package org.homestretch.catalog.transfer;

import java.util.List;

/** What an import did: counts, and one line per exercise of the file, in the file's order. */
public record ImportReport(int added, int updated, int unchanged, int refused, List<String> lines) {

    public ImportReport {
        lines = List.copyOf(lines);
    }

    /** For example "2 added, 1 updated, 3 unchanged, 1 refused." */
    public String summary() {
        return added + " added, " + updated + " updated, " + unchanged + " unchanged, " + refused + " refused.";
    }
}

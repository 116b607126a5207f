package org.homestretch.audit;

/** The outcome of a chain check in plain words, for the audit page and the command line. */
public final class AuditCheckWords {

    private AuditCheckWords() {
    }

    /** "All 120 entries are intact." or where the first broken link is and what it means. */
    public static String sentence(AuditVerifier.Result result) {
        if (result.ok()) {
            long n = result.entriesChecked();
            return n == 0 ? "No entries yet: nothing to check."
                    : n == 1 ? "The one entry is intact." : "All " + n + " entries are intact.";
        }
        long at = result.brokenAt();
        String what = switch (result.problem()) {
            case HASH_MISMATCH -> "entry " + at + " was changed after it was written";
            case PREVIOUS_HASH_MISMATCH -> "entry " + at + " does not follow on from the entry before it "
                    + "(an entry was replaced or put in)";
            case SEQUENCE_GAP -> "entry " + at + " is missing (it was removed)";
        };
        String before = result.entriesChecked() == 0 ? "No entry before it could be checked."
                : result.entriesChecked() == 1 ? "Entry 1 before it is intact."
                : "Entries 1 to " + result.entriesChecked() + " before it are intact.";
        return "The record has been tampered with: " + what + ". " + before;
    }
}

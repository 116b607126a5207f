package org.homestretch.program;

import java.time.Instant;
import java.util.List;

/** A published version: its number, who published it and when, what changed, and its items. */
public record ProgramVersion(ProgramVersionId id, int number, Instant publishedAt, String publishedBy,
                             List<String> changes, List<ProgramItem> items) {
}

package org.homestretch.adherence;

import org.homestretch.base.CsvCells;
import org.homestretch.patient.Patient;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A patient's check-ins as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * read accents). Any cell a spreadsheet could take for a formula is made safe first.
 */
final class CheckinCsv {

    /** The patient's name and birth date lead every line, so a printed or copied part still says whose it is. */
    static final List<String> HEADER = List.of("patient", "date_of_birth", "date", "session", "status", "skip_reason", "pain", "difficulty",
            "symptoms", "comment", "source", "program_version", "exercises_done", "exercises_listed",
            "recorded_at_utc");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    private CheckinCsv() {
    }

    static byte[] write(Patient patient, List<AdherenceRepository.ExportRow> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        String name = patient.fullName();
        String born = patient.details().dateOfBirth() == null ? "" : patient.details().dateOfBirth().toString();
        for (AdherenceRepository.ExportRow r : rows) {
            line(out, List.of(name, born, r.date().toString(), Integer.toString(r.session()), r.status(),
                    r.skipReason() == null ? "" : r.skipReason(), r.pain() == null ? "" : r.pain().toString(),
                    r.difficulty() == null ? "" : r.difficulty(), String.join(" ", r.symptoms()), r.comment(),
                    r.source(), Integer.toString(r.versionNumber()), Integer.toString(r.exercisesDone()),
                    Integer.toString(r.exercisesListed()), UTC.format(r.recordedAt().truncatedTo(
                            java.time.temporal.ChronoUnit.SECONDS))));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** A cell a spreadsheet will show as text, never run as a formula ({@link CsvCells}). */
    static String cell(String value) {
        return CsvCells.cell(value);
    }
}

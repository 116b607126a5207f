package org.homestretch.adherence;

import org.homestretch.outcome.Measure;
import org.homestretch.outcome.OutcomeScore;
import org.homestretch.patient.Patient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A patient's outcome scores as CSV, in the same form as the check-ins file (RFC 4180, UTF-8
 * with a byte-order mark, formula cells made safe): one line per score, measure by measure,
 * baseline first, with its items and who entered it.
 */
final class OutcomeCsv {

    static final List<String> HEADER = List.of("patient", "date_of_birth", "measure", "date_taken", "score",
            "items", "entered_by", "source");

    private OutcomeCsv() {
    }

    static byte[] write(Patient patient, Map<Measure, List<OutcomeScore>> outcomes) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        String name = patient.fullName();
        String born = patient.details().dateOfBirth() == null ? "" : patient.details().dateOfBirth().toString();
        outcomes.forEach((measure, history) -> {
            for (OutcomeScore s : history) {
                // A one-item scale's item is the score itself: no need to repeat it.
                String items = measure.maxItems() == 1 ? "" : s.items().stream()
                        .map(i -> i.label() + ": " + i.score()).collect(Collectors.joining("; "));
                line(out, List.of(name, born, measure.id(), s.takenOn().toString(),
                        String.format(Locale.ROOT, "%.2f", s.score()), items, s.enteredByText(),
                        s.byPatient() ? "PHONE" : "VISIT"));
            }
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(CheckinCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }
}

package org.homestretch.audit;

import org.homestretch.base.CsvCells;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Audit entries as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read
 * accents). Times are UTC, so files from clinics in different zones compare as they are.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("entry", "when_utc", "who", "actor_kind", "action", "action_code",
            "patient", "detail", "address");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    private AuditCsv() {
    }

    static byte[] write(List<AuditRow> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        for (AuditRow r : rows) {
            line(out, List.of(Long.toString(r.sequence()), UTC.format(r.occurredAt().truncatedTo(ChronoUnit.SECONDS)),
                    r.who(), r.actorKind().name(), r.actionLabel(), r.action(), r.patient(), r.detail(), r.address()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvCells.cell(cells.get(i)));
        }
        out.append("\r\n");
    }
}

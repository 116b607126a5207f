package org.homestretch.adherence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckinCsvTest {

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe() {
        assertThat(CheckinCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CheckinCsv.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(CheckinCsv.cell("-2")).isEqualTo("'-2");
        assertThat(CheckinCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CheckinCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CheckinCsv.cell("Felt fine = good")).isEqualTo("Felt fine = good");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        assertThat(CheckinCsv.cell("sore, but ok")).isEqualTo("\"sore, but ok\"");
        assertThat(CheckinCsv.cell("he said \"fine\"")).isEqualTo("\"he said \"\"fine\"\"\"");
        assertThat(CheckinCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void the_file_has_a_header_one_line_per_checkin_and_a_byte_order_mark() {
        var row = new AdherenceRepository.ExportRow(LocalDate.of(2026, 11, 3), 2, "SKIPPED", "FORGOT", 4, null,
                List.of("SHARP_PAIN"), "=cmd|' /C calc'!A0", "PATIENT", 3, 0, 0,
                Instant.parse("2026-11-03T19:12:40.123Z"));
        String csv = new String(CheckinCsv.write(List.of(row)), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFdate,session,status,");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).isEqualTo("2026-11-03,2,SKIPPED,FORGOT,4,,SHARP_PAIN,'=cmd|' /C calc'!A0,PATIENT,3,0,0,"
                + "2026-11-03T19:12:40");
    }
}

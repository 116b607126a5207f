package org.homestretch.adherence;

import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
        String csv = new String(CheckinCsv.write(patient("Rosa", "Díaz", LocalDate.of(1961, 4, 2)), List.of(row)),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFpatient,date_of_birth,date,session,status,");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).isEqualTo("Rosa Díaz,1961-04-02,2026-11-03,2,SKIPPED,FORGOT,4,,SHARP_PAIN,"
                + "'=cmd|' /C calc'!A0,PATIENT,3,0,0,2026-11-03T19:12:40");
    }

    @Test
    void a_patient_name_a_spreadsheet_would_run_is_made_safe_too() {
        var row = new AdherenceRepository.ExportRow(LocalDate.of(2026, 11, 3), 1, "DONE", null, null, null,
                List.of(), "", "PAPER", 1, 2, 2, Instant.parse("2026-11-03T19:12:40Z"));
        String csv = new String(CheckinCsv.write(patient("=1+1", "@Smith", null), List.of(row)), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")[1]).startsWith("'=1+1 @Smith,,2026-11-03,");
    }

    @Test
    void file_names_carry_the_last_name_and_first_initial_in_plain_ascii() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        assertThat(ExportNames.file("checkins", patient("Rosa", "Díaz", null), day, "csv"))
                .isEqualTo("checkins-Diaz-R-2026-11-30.csv");
        assertThat(ExportNames.file("checkins", patient("Zoë", "Ångström", null), day, "csv"))
                .isEqualTo("checkins-Angstrom-Z-2026-11-30.csv");
        assertThat(ExportNames.patientTag(patient("éva", "O'Brien / Łukasz-Weiß", null))).isEqualTo("OBrien-Lukasz-Weiss-E");
        assertThat(ExportNames.patientTag(patient("Ann", "../../etc/passwd", null))).isEqualTo("etc-passwd-A");
        // A name in another script keeps no letters: the start of the record's id tells the files apart.
        Patient chinese = patient("\u5c0f\u660e", "\u738b", null);
        assertThat(ExportNames.patientTag(chinese)).isEqualTo("patient-" + chinese.id().value().toString().substring(0, 8));
        assertThat(ExportNames.patientTag(patient("A", "x".repeat(80), null))).hasSize(40 + 2);
    }

    private static Patient patient(String first, String last, LocalDate born) {
        return new Patient(new PatientId(UUID.randomUUID()), null,
                new PatientDetails(first, last, born, "", "", "en", null, ""), "", false, 0);
    }
}

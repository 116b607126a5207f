package org.homestretch.adherence;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.homestretch.base.DateStyle;
import org.homestretch.outcome.Measure;
import org.homestretch.outcome.OutcomeScore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcome scores in the progress report (read back with PDFBox) and in their CSV file. */
class OutcomeExportTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    /** PSFS 2, 3, 3 at a visit on 1 October, then 5, 6, 5 on the phone; pain 7 then 6. */
    static Map<Measure, List<OutcomeScore>> outcomes() {
        Map<Measure, List<OutcomeScore>> all = new LinkedHashMap<>();
        all.put(Measure.PSFS, List.of(
                psfs(OCT_1, 2.67, "Sam Patel", "VISIT", 2, 3, 3),
                psfs(OCT_1.plusDays(28), 5.33, "", "PHONE", 5, 6, 5)));
        all.put(Measure.NPRS, List.of(
                new OutcomeScore(UUID.randomUUID(), Measure.NPRS, OCT_1, 7, List.of(new OutcomeScore.Item("Pain", 7)),
                        "Sam Patel", "VISIT"),
                new OutcomeScore(UUID.randomUUID(), Measure.NPRS, OCT_1.plusDays(28), 6,
                        List.of(new OutcomeScore.Item("Pain", 6)), "", "PHONE")));
        return all;
    }

    private static OutcomeScore psfs(LocalDate day, double score, String by, String source, int... items) {
        List<String> labels = List.of("=Putting on socks", "Climbing stairs", "Sitting, 1 hour");
        return new OutcomeScore(UUID.randomUUID(), Measure.PSFS, day, score,
                List.of(new OutcomeScore.Item(labels.get(0), items[0]), new OutcomeScore.Item(labels.get(1), items[1]),
                        new OutcomeScore.Item(labels.get(2), items[2])), by, source);
    }

    @Test
    void the_progress_report_shows_each_measure_with_its_change_in_words_and_who_entered_each_score()
            throws IOException {
        byte[] pdf = new ProgressReport().render(ProgressReportTest.adherence(3), outcomes(), DateStyle.DEFAULT);
        ProgressReportTest.save(pdf, "progress-report-outcomes.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Outcome measures")
                    .contains("Patient-Specific Functional Scale (PSFS), higher is better")
                    .contains("Better by 2.7 points since 1 Oct 2026 (clinically important)")
                    .contains("Numeric Pain Rating Scale (NPRS), lower is better")
                    .contains("Better by 1.0 point since 1 Oct 2026 (not yet a clinically important change)")
                    .contains("1 Oct 2026 2.7 (Sam Patel); 29 Oct 2026 5.3 (patient (phone))")
                    // The charts are drawn, not pictures: their key is text.
                    .contains("baseline 2.7").contains("clinically important change (4.7)")
                    .contains("baseline 7.0").contains("clinically important change (5.0)");
        }
    }

    @Test
    void without_outcome_scores_the_report_says_so_per_measure() throws IOException {
        Map<Measure, List<OutcomeScore>> none = new LinkedHashMap<>();
        none.put(Measure.PSFS, List.of());
        none.put(Measure.NPRS, List.of());
        byte[] pdf = new ProgressReport().render(ProgressReportTest.adherence(1), none, DateStyle.DEFAULT);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Outcome measures").contains("lower is better No score yet.");
        }
    }

    @Test
    void the_csv_has_one_line_per_score_with_measure_date_value_and_who_entered_it() {
        String csv = new String(OutcomeCsv.write(ProgressReportTest.adherence(1).patient(), outcomes()),
                StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFpatient,date_of_birth,measure,date_taken,score,items,entered_by,source\r\n");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(5);
        // Formula-like text is made safe, as in the check-ins file.
        assertThat(lines[1]).isEqualTo("Rosa D\u00edaz,1961-04-02,PSFS,2026-10-01,2.67,"
                + "\"'=Putting on socks: 2; Climbing stairs: 3; Sitting, 1 hour: 3\",Sam Patel,VISIT");
        assertThat(lines[2]).isEqualTo("Rosa D\u00edaz,1961-04-02,PSFS,2026-10-29,5.33,"
                + "\"'=Putting on socks: 5; Climbing stairs: 6; Sitting, 1 hour: 5\",patient (phone),PHONE");
        assertThat(lines[3]).isEqualTo("Rosa D\u00edaz,1961-04-02,NPRS,2026-10-01,7.00,,Sam Patel,VISIT");
        assertThat(lines[4]).isEqualTo("Rosa D\u00edaz,1961-04-02,NPRS,2026-10-29,6.00,,patient (phone),PHONE");
    }
}

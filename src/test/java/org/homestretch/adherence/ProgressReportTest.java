package org.homestretch.adherence;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress report read back with PDFBox: page numbers, whole chart labels, merged version labels. */
class ProgressReportTest {

    static final LocalDate TODAY = ChartGeometryTest.MONDAY_30_NOV;
    static final LocalDate BEGAN = LocalDate.of(2026, 9, 16);

    @Test
    void every_page_says_whose_report_it_is_and_page_x_of_y() throws IOException {
        byte[] pdf = new ProgressReport().render(adherence(30));
        save(pdf, "progress-report-long.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document).replaceAll("\\s+", " ");
                assertThat(text).as("page %d", page).contains("Page " + page + " of " + pages)
                        .contains("Progress report \u00b7 Rosa D\u00edaz \u00b7 30 November 2026");
            }
        }
    }

    @Test
    void chart_labels_are_whole_and_inside_the_page_and_versions_of_one_day_share_a_label() throws IOException {
        byte[] pdf = new ProgressReport().render(adherence(3));
        save(pdf, "progress-report-short.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            float pageWidth = document.getPage(0).getMediaBox().getWidth();
            List<TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    glyphs.addAll(positions);
                    super.writeString(text, positions);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String text = stripper.getText(document).replaceAll("\\s+", " ");

            // The program began on a Wednesday, so a tick falls on Monday 30 November: the chart's right edge.
            // Text past the margin is cut off by the chart's frame; PDFBox still reads it, with its position.
            assertThat(text).contains("30 Nov");
            assertThat(glyphs).isNotEmpty().allSatisfy(g -> {
                assertThat(g.getXDirAdj()).as("left of %s", g.getUnicode()).isGreaterThanOrEqualTo(48 - 0.5f);
                assertThat(g.getXDirAdj() + g.getWidthDirAdj()).as("right of %s", g.getUnicode())
                        .isLessThanOrEqualTo(pageWidth - 48 + 0.5f);
            });
            assertThat(text).contains("v2, v3").contains("Program began Wednesday 16 September 2026");
        }
    }

    /** Rosa Díaz, on the program since Wednesday 16 September, with v2 and v3 on the same day. */
    static PatientAdherence adherence(int versions) {
        Patient patient = new Patient(new PatientId(UUID.randomUUID()), null,
                new PatientDetails("Rosa", "D\u00edaz", LocalDate.of(1961, 4, 2), "", "", "en", null, ""),
                "Sam Patel", false, 0);
        List<ProgramChange> changes = new ArrayList<>();
        changes.add(ChartGeometryTest.version(1, BEGAN));
        changes.add(ChartGeometryTest.version(2, LocalDate.of(2026, 10, 14)));
        changes.add(ChartGeometryTest.version(3, LocalDate.of(2026, 10, 14)));
        for (int n = 4; n <= versions; n++) {
            changes.add(new ProgramChange(new Prescription(n, LocalDate.of(2026, 11, 1).plusDays(n / 2), 14, 2),
                    List.of("Knee to chest: hold 20 \u2192 30 s, repetitions 3 \u2192 5", "Bridge: note added",
                            "Added: cat-camel, twice a day, with a long explanation of why it helps at night")));
        }
        Map<LocalDate, AdherenceRepository.Day> days = new LinkedHashMap<>();
        for (LocalDate d = BEGAN; !d.isAfter(TODAY); d = d.plusDays(1)) {
            days.put(d, new AdherenceRepository.Day(d, d.getDayOfMonth() % 3 == 0 ? 1 : 2, 0,
                    (double) (2 + d.getDayOfMonth() % 5), 6, false));
        }
        return new PatientAdherence(patient, "Riverside Physio", TODAY, CalendarChart.firstDay(TODAY), changes,
                new Figure(12, 14), new Figure(50, 60), new Figure(130, 150), days, List.of(), List.of(),
                Map.of("FORGOT", 3), null);
    }

    /** Kept under target/ so the pages can be looked at ({@code pdftoppm -r 80 -png}). */
    static void save(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "reports");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}

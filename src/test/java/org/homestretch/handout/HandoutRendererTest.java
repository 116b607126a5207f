package org.homestretch.handout;

import org.apache.pdfbox.text.TextPosition;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.DosageText;
import org.homestretch.catalog.Sides;
import org.homestretch.support.PdfQrCodes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HandoutRendererTest {

    static final HandoutRenderer RENDERER = new HandoutRenderer();

    static HandoutContent.Item item(int n, int timesPerDay, String note) {
        Dosage dosage = new Dosage(1 + n % 3, 3 + n % 5, 30, n % 2 == 0 ? Sides.EACH_SIDE : Sides.NONE,
                timesPerDay, 7);
        List<String> steps = List.of("Lie on your back for exercise " + n + ".",
                "Bend both knees and keep your feet flat on the bed, step two of exercise " + n + ".",
                "Pull one knee gently towards your chest until you feel a stretch, step three of exercise " + n + ".",
                "Breathe out slowly and let go, step four of exercise " + n + ".");
        return new HandoutContent.Item("Knee to chest " + n, steps, DosageText.sentence(dosage), note,
                List.of("Move slowly, tip of exercise " + n + "."), timesPerDay);
    }

    static HandoutContent content(int count) {
        List<HandoutContent.Item> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(item(i, 1, "Note for exercise " + i + ": keep it gentle."));
        }
        return content(items);
    }

    static HandoutContent content(List<HandoutContent.Item> items) {
        return new HandoutContent("Physio Zürich Süd", "+41 44 123 45 67", "Maria González", "M.G.",
                "Theo Therapist", LocalDate.of(2026, 11, 26), 3, items);
    }

    static HandoutPdf render(HandoutContent content, boolean largePrint, boolean log) throws Exception {
        return new HandoutPdf(RENDERER.render(content, new HandoutOptions(largePrint, log)));
    }

    @Test
    void every_step_dosage_sentence_note_and_the_safety_box_are_printed() throws Exception {
        HandoutContent content = content(10);
        HandoutPdf pdf = render(content, false, false);

        String text = pdf.text();
        for (HandoutContent.Item item : content.items()) {
            assertThat(text).contains(item.name());
            item.steps().forEach(step -> assertThat(text).contains(step));
            assertThat(text).contains(item.dosage()).contains(item.note());
            item.tips().forEach(tip -> assertThat(text).contains(tip));
        }
        assertThat(render(content, true, false).text()).as("large print leaves tips out").doesNotContain("Tip: ");
        assertThat(text).contains("Stop and call us if you have:", "Sharp or shooting pain", "Numbness or tingling",
                "Pain that travels down the leg", "New weakness", "Call us on +41 44 123 45 67.");
        assertThat(text).contains("Physio Zürich Süd", "Home exercises for Maria González", "Therapist: Theo Therapist",
                "26 November 2026", "Program version 3", "How to use this sheet");
        assertThat(text).contains("Hold for 30 seconds.");
    }

    @Test
    void the_qr_code_reads_back_as_the_patients_link_and_the_code_is_printed_beside_it() throws Exception {
        String link = "https://physio.example.org/p/" + "Zx9_-".repeat(8) + "abc";
        HandoutContent content = content(3).withPhoneAccess(
                new HandoutContent.PhoneAccess(link, "physio.example.org/p", "ACDE-3467"));
        for (boolean large : new boolean[]{false, true}) {
            HandoutPdf pdf = render(content, large, false);
            int page = pdf.pageOf("Tick off sessions on your phone") - 1;
            assertThat(page).as("on the first page").isZero();
            assertThat(PdfQrCodes.read(pdf.bytes, page)).contains(link);
            assertThat(pdf.pageTexts.get(page)).contains("Tick off sessions on your phone",
                    "No camera? Go to physio.example.org/p and type:", "ACDE-3467");
            assertThat(pdf.pageTexts.get(page).replaceAll("\\s+", " ")).as("large print " + large)
                    .contains("Tap \"Remind me\" on that page to get a reminder in your phone's calendar.");
        }
    }

    @Test
    void without_phone_access_there_is_no_qr_box() throws Exception {
        HandoutPdf pdf = render(content(2), false, false);
        assertThat(pdf.text()).doesNotContain("Tick off sessions");
        assertThat(PdfQrCodes.read(pdf.bytes, 0, 150)).isEmpty();
    }

    @Test
    void the_warning_signs_box_prints_the_emergency_tier_first_with_the_number_then_the_urgent_tier() throws Exception {
        HandoutContent content = content(2).withWarningLines("911", "0800 555 0199");
        String text = render(content, false, false).text().replaceAll("\\s+", " ");

        assertThat(text).contains("Warning signs", "Get help now if you have:",
                "Numb skin around your private parts, bottom or inner thighs",
                "Call 911 or go to the emergency department now.",
                "Call us on +41 44 123 45 67.", "When we are closed, call 0800 555 0199.");
        assertThat(text.indexOf("Call 911 or go to the emergency department now."))
                .isLessThan(text.indexOf("Stop and call us if you have:"));
        assertThat(render(content(1), true, false).text()).as("no out-of-hours line set, large print")
                .contains("Call 112 or go to the emergency").doesNotContain("When we are closed");
    }

    @Test
    void without_a_clinic_phone_the_safety_box_says_call_your_clinic() throws Exception {
        HandoutContent base = content(1);
        HandoutContent noPhone = new HandoutContent(base.clinicName(), "", base.patientName(), base.patientInitials(),
                base.therapistName(), base.date(), base.versionNumber(), base.items());
        assertThat(render(noPhone, false, false).text()).contains("Call your clinic.").doesNotContain("Call us on");
    }

    @Test
    void every_page_is_numbered_page_x_of_y_with_the_patients_initials_and_date() throws Exception {
        HandoutPdf pdf = render(content(10), false, true);

        assertThat(pdf.pages).isGreaterThan(2);
        for (int page = 1; page <= pdf.pages; page++) {
            assertThat(pdf.pageTexts.get(page - 1))
                    .contains("Page " + page + " of " + pdf.pages)
                    .contains("Patient M.G. · 26 November 2026")
                    .doesNotContain("Maria González · "); // only initials in the footer
        }
    }

    @Test
    void an_exercise_never_splits_across_pages_even_in_a_sixty_exercise_large_print_handout() throws Exception {
        for (boolean largePrint : new boolean[]{false, true}) {
            HandoutContent content = content(60);
            HandoutPdf pdf = render(content, largePrint, false);

            assertThat(pdf.pages).isGreaterThan(10);
            for (int i = 0; i < content.items().size(); i++) {
                HandoutContent.Item item = content.items().get(i);
                int titlePage = pdf.pageOf((i + 1) + ". " + item.name());
                assertThat(titlePage).as("title of exercise %d", i + 1).isPositive();
                assertThat(pdf.pageOf(item.steps().getLast())).as("last step of exercise %d", i + 1).isEqualTo(titlePage);
                assertThat(pdf.pageOf(item.note())).as("note of exercise %d", i + 1).isEqualTo(titlePage);
            }
        }
    }

    @Test
    void the_clinic_logo_is_embedded_as_the_jpeg_it_was_stored_as() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(300, 100,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", jpeg);

        HandoutPdf withLogo = render(content(1).withLogo(jpeg.toByteArray()), false, false);
        HandoutPdf without = render(content(1), false, false);

        assertThat(images(withLogo.bytes)).containsExactly("DCTDecode");
        assertThat(images(without.bytes)).isEmpty();
        // A damaged logo is left out; the handout still prints.
        assertThat(render(content(1).withLogo(new byte[]{1, 2, 3}), false, false).pages).isEqualTo(1);
    }

    /** The compression filter of every image on the first page (DCTDecode is JPEG, copied as is). */
    private static java.util.List<String> images(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            java.util.List<String> filters = new java.util.ArrayList<>();
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
                    filters.add(img.getCOSObject().getCOSName(org.apache.pdfbox.cos.COSName.FILTER).getName());
                }
            }
            return filters;
        }
    }

    @Test
    void a_one_exercise_program_fits_on_one_page() throws Exception {
        HandoutPdf pdf = render(content(1), false, false);
        assertThat(pdf.pages).isEqualTo(1);
        assertThat(pdf.text()).contains("Page 1 of 1", "1. Knee to chest 1");
    }

    @Test
    void standard_print_is_at_least_12_pt_and_large_print_at_least_18_pt_without_italics() throws Exception {
        assertThat(minimumFontSize(render(content(3), false, true))).isGreaterThanOrEqualTo(12f);

        HandoutPdf large = render(content(3), true, true);
        assertThat(minimumFontSize(large)).isGreaterThanOrEqualTo(18f);
        assertThat(large.glyphs).allSatisfy(g -> assertThat(g.getFont().getName().toLowerCase(Locale.ROOT))
                .contains("dejavusans").doesNotContain("italic").doesNotContain("oblique"));
    }

    @Test
    void large_print_lines_are_at_least_one_and_a_half_lines_apart() throws Exception {
        HandoutPdf large = render(content(3), true, true);
        for (List<TextPosition> page : large.pageGlyphs) {
            // Baselines of the body text (18 pt) on this page, top to bottom.
            TreeSet<Float> baselines = new TreeSet<>();
            for (TextPosition g : page) {
                if (g.getFontSizeInPt() < 18.5f && !g.getUnicode().isBlank()) {
                    baselines.add((float) Math.round(g.getYDirAdj() * 10) / 10);
                }
            }
            assertThat(baselines).hasSizeGreaterThan(3);
            Float previous = null;
            for (Float y : baselines) {
                if (previous != null) {
                    assertThat(y - previous).as("gap between lines at %s and %s: %s / %s", previous, y,
                                    lineAt(page, previous), lineAt(page, y))
                            .isGreaterThanOrEqualTo(18 * 1.5f - 0.5f);
                }
                previous = y;
            }
        }
    }

    @Test
    void long_notes_wrap_inside_the_page() throws Exception {
        String note = "Keep your back flat on the bed and stop at the first feeling of a stretch, never push into pain. "
                .repeat(5).strip();
        assertThat(note.length()).isLessThanOrEqualTo(500);
        HandoutPdf pdf = render(content(List.of(item(1, 1, note))), true, false);

        assertThat(pdf.text()).contains(note);
        String raw = String.join("\n", pdf.rawPageTexts);
        int start = raw.indexOf("From your therapist");
        String noteOnPage = raw.substring(start, raw.indexOf("Patient M.G.", start));
        assertThat(noteOnPage.lines().count()).as("the note spans several lines").isGreaterThan(3);
        assertThat(pdf.glyphs).allSatisfy(g ->
                assertThat(g.getXDirAdj() + g.getWidthDirAdj()).isLessThanOrEqualTo(pdf.pageWidth - 30));
    }

    @Test
    void script_tags_emoji_and_right_to_left_text_print_as_text_or_are_dropped_cleanly() throws Exception {
        // DejaVu Sans draws some emoji (a smiley) but not others (a flamingo): the first prints, the second is dropped.
        String hostile = "<script>alert('x')</script> Smile \uD83D\uDE00 flamingo \uD83E\uDDA9 done \u202Eevil\u202C שלום مرحبا";
        HandoutContent content = content(List.of(new HandoutContent.Item(hostile, List.of(hostile), "Once a day.",
                hostile, List.of(), 1)));
        for (boolean largePrint : new boolean[]{false, true}) {
            byte[] bytes = RENDERER.render(content, new HandoutOptions(largePrint, true));
            HandoutPdf pdf = new HandoutPdf(bytes);

            assertThat(pdf.text()).contains("<script>alert('x')</script> Smile \uD83D\uDE00 flamingo done evil")
                    .contains("From your therapist: <script>")
                    .doesNotContain("\uD83E\uDDA9").doesNotContain("\u202E");
            assertThat(pdf.text()).containsAnyOf("שלום", "םולש");
            HandoutPdf.qpdfCheck(bytes);
        }
    }

    @Test
    void the_paper_log_has_fourteen_days_one_box_per_daily_session_and_a_pain_column() throws Exception {
        HandoutContent content = content(List.of(item(1, 1, ""), item(2, 3, ""), item(3, 2, "")));
        HandoutPdf pdf = render(content, false, true);

        int logPage = pdf.pageOf("My exercise log");
        assertThat(logPage).isEqualTo(pdf.pages);
        String log = pdf.pageTexts.get(logPage - 1);
        assertThat(log).contains("Day Date Time 1 Time 2 Time 3 Pain 0–10").doesNotContain("Time 4");
        IntStream.rangeClosed(1, 14).forEach(day -> assertThat(log).containsPattern("\\b" + day + "\\b"));
        assertThat(render(content, false, false).text()).doesNotContain("My exercise log");
    }

    @Test
    void a_ten_exercise_handout_is_under_300_kb_and_passes_qpdf_check() throws Exception {
        for (boolean largePrint : new boolean[]{false, true}) {
            byte[] bytes = RENDERER.render(content(10), new HandoutOptions(largePrint, true));
            assertThat(bytes.length).isLessThan(300 * 1024);
            assertThat(HandoutPdf.qpdfCheck(bytes)).contains("No syntax or stream encoding errors found");
        }
    }

    private static String lineAt(List<TextPosition> page, float y) {
        StringBuilder line = new StringBuilder();
        page.stream().filter(g -> Math.abs(g.getYDirAdj() - y) < 0.2).forEach(g -> line.append(g.getUnicode()));
        return line.toString();
    }

    private static float minimumFontSize(HandoutPdf pdf) {
        return (float) pdf.glyphs.stream().filter(g -> !g.getUnicode().isBlank())
                .mapToDouble(TextPosition::getFontSizeInPt).min().orElseThrow();
    }
}

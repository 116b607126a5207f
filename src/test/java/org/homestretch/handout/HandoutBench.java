package org.homestretch.handout;

import org.homestretch.bench.Bench;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.DosageText;
import org.homestretch.catalog.Sides;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bench cases for the handout (run by {@link Bench}, never by the test suite): our renderer on a
 * realistic 10-exercise program, and a baseline that writes the same strings and the same shapes
 * with bare OpenPDF calls and none of our layout code (no tables, no keep-together, no "Page X of Y").
 */
public final class HandoutBench {

    public static final String STANDARD = "handout: 10-exercise standard handout";
    public static final String LARGE = "handout: 10-exercise large print";
    public static final String BASELINE = "baseline: bare OpenPDF";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private HandoutBench() {
    }

    public static List<Bench.Case> cases() {
        HandoutRenderer renderer = new HandoutRenderer();
        HandoutContent content = program();
        Baseline baseline = new Baseline();
        return List.of(
                new Bench.Case(STANDARD, () -> renderer.render(content, HandoutOptions.STANDARD)),
                new Bench.Case(BASELINE, () -> baseline.write(content)),
                new Bench.Case(LARGE, () -> renderer.render(content, new HandoutOptions(true, false))));
    }

    public static List<Bench.Ratio> ratios() {
        return List.of(new Bench.Ratio(STANDARD, BASELINE));
    }

    private static final String[][] EXERCISES = {
            {"Knee to chest", "Lie on your back on the bed or a mat.", "Bend both knees and keep your feet flat.",
                    "Hold one knee with both hands, just below the kneecap.",
                    "Pull the knee gently towards your chest until you feel a stretch in your lower back.",
                    "Hold, breathing slowly, then lower the leg.", "Repeat with the other leg."},
            {"Hamstring stretch on a step", "Stand facing a low step, holding a rail or a wall.",
                    "Put one heel on the step with the knee straight.", "Keep your back long and your chest up.",
                    "Lean forward from the hips until you feel a stretch behind the thigh.", "Hold, then step down."},
            {"Calf stretch at the wall", "Stand facing a wall with both hands on it at shoulder height.",
                    "Step one foot back and keep the heel on the floor.", "Bend the front knee slowly.",
                    "Keep the back knee straight until you feel a stretch in the calf.", "Hold, then swap legs."},
            {"Cat and camel", "Kneel on all fours, hands under your shoulders and knees under your hips.",
                    "Breathe in and let your belly drop, lifting your head.",
                    "Breathe out and round your back towards the ceiling, tucking your chin.",
                    "Move slowly between the two positions.", "Stay within a comfortable range."},
            {"Piriformis stretch", "Lie on your back with both knees bent.",
                    "Cross one ankle over the other knee.", "Hold the back of the lower thigh with both hands.",
                    "Pull the thigh gently towards you until you feel a stretch in the buttock.",
                    "Keep your head and shoulders on the floor.", "Hold, then swap sides."},
            {"Hip flexor stretch in half kneeling", "Kneel on one knee on a cushion, the other foot in front.",
                    "Tighten your tummy muscles and tuck your tailbone under.",
                    "Shift your weight forward until you feel a stretch at the front of the hip.",
                    "Keep your upper body upright.", "Hold, then swap sides."},
            {"Chin tuck", "Sit upright on a firm chair with your feet flat.", "Look straight ahead.",
                    "Slide your chin straight back, as if making a double chin.",
                    "Feel a stretch at the back of your neck.", "Hold, then relax."},
            {"Doorway chest stretch", "Stand in a doorway.", "Place your forearms on the door frame at shoulder height.",
                    "Step one foot forward through the doorway.",
                    "Lean forward gently until you feel a stretch across the chest.",
                    "Keep your shoulders down and away from your ears.", "Hold, then step back."},
            {"Seated thoracic rotation", "Sit on a chair with your feet flat and knees together.",
                    "Cross your arms over your chest.", "Turn your upper body slowly to one side.",
                    "Keep your hips facing forward.", "Hold at the end of the turn, then come back to the middle.",
                    "Repeat to the other side."},
            {"Upper trapezius stretch", "Sit upright and hold the seat of the chair with one hand.",
                    "Tilt your head away from that hand, ear towards shoulder.",
                    "Place the other hand gently on the side of your head.",
                    "Let the weight of the hand add a light stretch.", "Keep breathing slowly.",
                    "Hold, then swap sides."},
    };

    /** Ten exercises of five to seven steps, each with a dosage sentence, a note and tips, as a real program has. */
    static HandoutContent program() {
        List<HandoutContent.Item> items = new ArrayList<>();
        for (int i = 0; i < EXERCISES.length; i++) {
            String[] e = EXERCISES[i];
            Dosage dosage = new Dosage(1 + i % 3, 5 + i % 6, i % 3 == 0 ? 0 : 30,
                    i % 2 == 0 ? Sides.EACH_SIDE : Sides.NONE, 1 + i % 2, 7);
            items.add(new HandoutContent.Item(e[0], List.of(e).subList(1, e.length), DosageText.sentence(dosage),
                    "Stop if the pain gets worse during the exercise; a gentle pull is fine.",
                    List.of("Move slowly and do not bounce.", "Keep breathing throughout."), 1 + i % 2));
        }
        return new HandoutContent("Physio Zürich Süd", "+41 44 123 45 67", "Maria González", "M.G.",
                "Theo Therapist", LocalDate.of(2026, 11, 26), 3, items);
    }

    /**
     * The same strings, fonts and sizes as the standard handout and the same shapes (safety box,
     * one rule and one figure frame per exercise, the footer line), written with plain paragraphs and
     * rectangles. Frames are drawn where the text happens to be, with just enough spacing that
     * the text does not run into them.
     */
    static final class Baseline {
        private static final float BODY = 12.5f;
        private static final float MARGIN = 48;
        private final byte[] regularTtf = resource("/handout/fonts/DejaVuSans.ttf");
        private final byte[] boldTtf = resource("/handout/fonts/DejaVuSans-Bold.ttf");

        byte[] write(HandoutContent c) {
            BaseFont regularFont = font("DejaVuSans.ttf", regularTtf);
            BaseFont boldFont = font("DejaVuSans-Bold.ttf", boldTtf);
            Font regular = new Font(regularFont, BODY, Font.NORMAL, Color.BLACK);
            Font bold = new Font(boldFont, BODY, Font.NORMAL, Color.BLACK);
            Font heading = new Font(boldFont, BODY * 1.2f, Font.NORMAL, Color.BLACK);
            Font title = new Font(boldFont, BODY * 1.5f, Font.NORMAL, Color.BLACK);
            String date = DATE.format(c.date());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + BODY * 2.2f);
            try {
                PdfWriter writer = PdfWriter.getInstance(document, out);
                String footer = "Patient " + c.patientInitials() + "  \u00b7  " + date;
                writer.setPageEvent(new PdfPageEventHelper() {
                    @Override
                    public void onEndPage(PdfWriter w, Document d) {
                        PdfContentByte cb = w.getDirectContent();
                        float y = MARGIN * 0.8f;
                        cb.setLineWidth(0.75f);
                        cb.moveTo(MARGIN, y + BODY * 1.4f);
                        cb.lineTo(d.getPageSize().getWidth() - MARGIN, y + BODY * 1.4f);
                        cb.stroke();
                        cb.beginText();
                        cb.setFontAndSize(regularFont, BODY);
                        cb.setTextMatrix(MARGIN, y);
                        cb.showText(footer);
                        cb.endText();
                    }
                });
                document.addTitle("Home exercises, version " + c.versionNumber());
                document.addCreator("HomeStretch");
                document.open();
                PdfContentByte cb = writer.getDirectContent();
                float width = document.right() - document.left();

                document.add(new Paragraph(c.clinicName(), title));
                document.add(new Paragraph("Home exercises for " + c.patientName(), heading));
                document.add(new Paragraph("Therapist: " + c.therapistName(), regular));
                document.add(new Paragraph("Date: " + date + " \u00b7 Program version " + c.versionNumber(), regular));
                Paragraph howTo = new Paragraph("", regular);
                howTo.add(new Chunk("How to use this sheet: ", bold));
                howTo.add(new Chunk("do the exercises in this order, as often as each one says. Move slowly and keep "
                        + "breathing. Some stretching is normal; pain is not.", regular));
                document.add(howTo);

                // The writer's vertical position is the baseline of the last line written.
                float boxTop = writer.getVerticalPosition(true) - BODY * 0.4f;
                Paragraph stop = new Paragraph("Stop and call us if you have:", heading);
                stop.setSpacingBefore(BODY * 0.4f);
                document.add(stop);
                for (String flag : HandoutRenderer.RED_FLAGS) {
                    document.add(new Paragraph("\u2022 " + flag, regular));
                }
                document.add(new Paragraph("Call us on " + c.clinicPhone() + ".", bold));
                float boxBottom = writer.getVerticalPosition(true) - BODY * 0.5f;
                cb.setLineWidth(2.5f);
                cb.rectangle(document.left(), boxBottom, width, boxTop - boxBottom);
                cb.stroke();

                float frameHeight = 100;
                float frameWidth = width * 0.26f;
                for (int i = 0; i < c.items().size(); i++) {
                    HandoutContent.Item item = c.items().get(i);
                    float top = writer.getVerticalPosition(true) - BODY;
                    if (top - frameHeight < document.bottom()) {
                        document.newPage();
                        top = writer.getVerticalPosition(true) - BODY;
                    }
                    cb.setLineWidth(1.5f);
                    cb.moveTo(document.left(), top + BODY * 0.6f);
                    cb.lineTo(document.right(), top + BODY * 0.6f);
                    cb.stroke();
                    cb.setLineWidth(0.75f);
                    cb.rectangle(document.left(), top - frameHeight, frameWidth, frameHeight);
                    cb.stroke();
                    Paragraph name = new Paragraph((i + 1) + ". " + item.name(), heading);
                    name.setIndentationLeft(frameWidth + BODY);
                    name.setSpacingBefore(BODY);
                    document.add(name);
                    Paragraph dosage = new Paragraph(item.dosage(), bold);
                    dosage.setIndentationLeft(frameWidth + BODY);
                    document.add(dosage);
                    Paragraph spacer = new Paragraph(" ", regular);
                    spacer.setLeading(Math.max(1, writer.getVerticalPosition(true) - (top - frameHeight)));
                    document.add(spacer);
                    for (int s = 0; s < item.steps().size(); s++) {
                        document.add(new Paragraph((s + 1) + ". " + item.steps().get(s), regular));
                    }
                    for (String tip : item.tips()) {
                        document.add(new Paragraph("Tip: " + tip, regular));
                    }
                    Paragraph note = new Paragraph("", regular);
                    note.add(new Chunk("From your therapist: ", bold));
                    note.add(new Chunk(item.note(), regular));
                    document.add(note);
                }
                document.close();
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }

        private static BaseFont font(String name, byte[] ttf) {
            try {
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] resource(String path) {
            try (InputStream in = HandoutBench.class.getResourceAsStream(path)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

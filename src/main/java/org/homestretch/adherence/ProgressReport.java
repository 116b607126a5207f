package org.homestretch.adherence;

import org.homestretch.base.DateStyle;
import org.homestretch.base.PdfPageFooter;
import org.homestretch.outcome.Change;
import org.homestretch.outcome.Measure;
import org.homestretch.outcome.OutcomeScore;
import org.homestretch.base.PdfFonts;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The progress report for the patient's record: the period, the adherence figures, the pain
 * chart and calendar (the same drawings as on screen), the program's changes and the reasons
 * given for skipped sessions. Pure: no Spring, no database.
 */
final class ProgressReport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final float MARGIN = 48;
    private static final float FOOTER_SIZE = 9;

    byte[] render(PatientAdherence p) {
        return render(p, Map.of(), DateStyle.DEFAULT);
    }

    /** {@code outcomes}: each measure's scores, baseline first, as {@code OutcomeService.history} gives them. */
    byte[] render(PatientAdherence p, Map<Measure, List<OutcomeScore>> outcomes, DateStyle style) {
        BaseFont regularFont = PdfFonts.regular();
        BaseFont boldFont = PdfFonts.bold();
        Font regular = new Font(regularFont, 11, Font.NORMAL, Color.BLACK);
        Font bold = new Font(boldFont, 11, Font.NORMAL, Color.BLACK);
        Font heading = new Font(boldFont, 14, Font.NORMAL, Color.BLACK);
        Font title = new Font(boldFont, 18, Font.NORMAL, Color.BLACK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The footer lives in the bottom margin, so the margin holds one line of footer text too.
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + FOOTER_SIZE * 2.2f);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PdfPageFooter(regularFont, FOOTER_SIZE, new Color(0x44, 0x44, 0x44),
                    new Color(Drawing.Ink.GRID.rgb()), MARGIN, MARGIN * 0.7f, "Progress report \u00b7 "
                    + p.patient().fullName() + " \u00b7 " + DATE.format(p.today())));
            document.addTitle("Progress report");
            document.addCreator("HomeStretch");
            document.open();
            LocalDate start = p.chartStart();
            document.add(paragraph(p.clinicName(), bold, 2));
            document.add(paragraph("Progress report: " + p.patient().fullName(), title, 4));
            document.add(paragraph("Period: " + DATE.format(start) + " to " + DATE.format(p.today())
                    + (p.began() == null ? "" : " \u00b7 program began " + DATE.format(p.began())), regular, 2));
            document.add(paragraph("Dates are the clinic's calendar days. Adherence is sessions done \u00f7 sessions "
                    + "prescribed, at most 100 %.", regular, 10));

            PdfPTable figures = new PdfPTable(new float[]{2.2f, 1, 2});
            figures.setWidthPercentage(100);
            figures.setSpacingAfter(12);
            header(figures, bold, "Adherence", "Figure", "Sessions");
            row(figures, regular, "Last 7 days", p.week());
            row(figures, regular, "Last 30 days", p.month());
            row(figures, regular, "Since the program began", p.sinceStart());
            document.add(figures);
            float width = document.getPageSize().getWidth() - 2 * MARGIN;

            if (p.hasProgram()) {
                document.add(paragraph("Pain (0\u201310), daily mean, with program changes", heading, 4));
                Drawing pain = PainChart.build(p.days(), p.versions(), start, p.today());
                document.add(chart(writer, pain, width / pain.width, regularFont, boldFont));

                document.add(paragraph(CalendarChart.heading("Sessions per day", p.began(), p.today()), heading, 4));
                // One scale for every calendar: a new patient's few weeks are as big as twelve weeks' squares.
                document.add(chart(writer, CalendarChart.build(p.days(), p.versions(), p.today()),
                        width * 0.8f / CalendarChart.FULL_WIDTH, regularFont, boldFont));
            }
            // After the adherence charts, so that their place on the page does not move.
            outcomes(document, writer, outcomes, style, width, regular, bold, heading);

            String skips = p.skipSummary();
            document.add(paragraph("Reasons given for skipped sessions: " + (skips.isEmpty() ? "none" : skips),
                    regular, 10));

            document.add(paragraph("Program changes", heading, 4));
            for (ProgramChange change : p.versions().reversed()) {
                Paragraph line = paragraph("", regular, 3);
                line.add(new Phrase("Version " + change.number() + ", " + DATE.format(change.prescription().starts())
                        + " (" + change.prescription().text() + "): ", bold));
                line.add(new Phrase(String.join("; ", change.changes()), regular));
                document.add(line);
            }
            if (p.versions().isEmpty()) {
                document.add(paragraph("No program has been published yet.", regular, 3));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the progress report", e);
        }
        return out.toByteArray();
    }

    /** Each measure: its chart, the change in words as on the patient's page, and every score with who entered it. */
    private static void outcomes(Document document, PdfWriter writer, Map<Measure, List<OutcomeScore>> outcomes,
                                 DateStyle style, float width, Font regular, Font bold, Font heading)
            throws DocumentException {
        if (outcomes.isEmpty()) {
            return;
        }
        Font small = new Font(regular.getBaseFont(), 9, Font.NORMAL, new Color(0x44, 0x44, 0x44));
        boolean first = true;
        for (Map.Entry<Measure, List<OutcomeScore>> e : outcomes.entrySet()) {
            Measure measure = e.getKey();
            List<OutcomeScore> history = e.getValue();
            List<Element> block = new ArrayList<>();
            if (first) {
                block.add(paragraph("Outcome measures", heading, 4));
                first = false;
            }
            block.add(paragraph(measure.name() + " (" + measure.id() + "), "
                    + (measure.higherIsBetter() ? "higher" : "lower") + " is better", bold, 3));
            if (history.isEmpty()) {
                block.add(paragraph("No score yet.", regular, 8));
            } else {
                block.add(chart(writer, OutcomeDrawing.build(measure, history, style),
                        width * 0.8f / OutcomeDrawing.WIDTH, regular.getBaseFont(), bold.getBaseFont()));
                block.add(paragraph(Change.describe(history, style), bold, 2));
                block.add(paragraph("Scores: " + String.join("; ", history.stream()
                        .map(s -> style.mediumDate(s.takenOn()) + " " + OutcomeDrawing.number(s.score()) + " ("
                                + s.enteredByText() + ")").toList()), small, 10));
            }
            together(document, block.toArray(Element[]::new));
        }
    }

    /**
     * A chart as a drawn template (vector, not a picture), {@code scale} points per drawing unit.
     */
    private static Image chart(PdfWriter writer, Drawing drawing, float scale, BaseFont regular, BaseFont bold)
            throws DocumentException {
        float width = drawing.width * scale;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, drawing.height * scale);
        PdfDrawing.draw(drawing, template, 0, drawing.height * scale, scale, regular, bold);
        Image chart = Image.getInstance(template);
        chart.setSpacingAfter(10);
        chart.setAlt(drawing.description);
        // Its own size inside a table cell too (a cell would stretch it to its full width); on
        // the page, like any image, it moves to the next page whole when it does not fit.
        chart.setWidthPercentage(0);
        return chart;
    }

    /**
     * A heading with its chart and sentence on one page: when they do not fit at the foot of a
     * page, all move to the next, so a heading is never left alone above a gap.
     */
    private static void together(Document document, Element... elements) throws DocumentException {
        PdfPTable block = new PdfPTable(1);
        block.setWidthPercentage(100);
        block.setKeepTogether(true);
        block.setSplitLate(true);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        for (Element element : elements) {
            cell.addElement(element);
        }
        block.addCell(cell);
        document.add(block);
    }

    private static void header(PdfPTable table, Font font, String... texts) {
        for (String text : texts) {
            PdfPCell cell = new PdfPCell(new Phrase(text, font));
            cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
            cell.setPadding(5);
            table.addCell(cell);
        }
    }

    private static void row(PdfPTable table, Font font, String label, Figure figure) {
        for (String text : new String[]{label, figure.percentText(), figure.countText()}) {
            PdfPCell cell = new PdfPCell(new Phrase(text, font));
            cell.setPadding(5);
            cell.setBorder(Rectangle.BOTTOM);
            table.addCell(cell);
        }
    }

    private static Paragraph paragraph(String text, Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingAfter(after);
        p.setLeading(font.getSize() * 1.35f);
        return p;
    }
}

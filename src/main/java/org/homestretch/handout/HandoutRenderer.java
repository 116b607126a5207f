package org.homestretch.handout;

import org.homestretch.base.PdfPageFooter;
import org.homestretch.base.PdfFonts;
import org.homestretch.checkin.Symptom;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a handout to PDF bytes. Pure: no Spring, no database, no Vaadin, so it can be tested
 * and measured alone. Layout rules (see docs/HANDOUTS.md): an exercise is kept on one page,
 * every page says "Page X of Y" and carries the patient's initials and the date, body text is
 * at least 12 pt (18 pt in large print, with 1.5 line spacing and no italics), black on white.
 */
final class HandoutRenderer {

    static final String[] RED_FLAGS = {"Sharp or shooting pain", "Numbness or tingling",
            "Pain that travels down the leg", "New weakness"};
    static final int LOG_DAYS = 14;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Color GREY_LINE = new Color(0x55, 0x55, 0x55);
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);

    byte[] render(HandoutContent content, HandoutOptions options) {
        Style style = new Style(PdfFonts.regular(), PdfFonts.bold(),
                options.largePrint());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        float margin = options.largePrint() ? 36 : 48;
        // The footer lives in the bottom margin, so the margin must hold one line of footer text.
        Document document = new Document(PageSize.A4, margin, margin, margin, margin + style.body * 2.2f);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PdfPageFooter(style.regularFont, style.body, Color.BLACK, GREY_LINE, margin,
                    margin * 0.8f, style.clean(footerText(content))));
            document.addTitle("Home exercises, version " + content.versionNumber());
            document.addCreator("HomeStretch");
            document.open();
            header(document, content, style);
            // The QR code stays on the first page. In large print both boxes do not fit there, so the
            // warning signs move whole to the top of the next page rather than split.
            if (options.largePrint() && content.phoneAccess() != null) {
                phoneBox(document, writer, content.phoneAccess(), style);
                safetyBox(document, content, style);
            } else {
                safetyBox(document, content, style);
                if (content.phoneAccess() != null) {
                    phoneBox(document, writer, content.phoneAccess(), style);
                }
            }
            for (int i = 0; i < content.items().size(); i++) {
                document.add(exercise(content.items().get(i), i + 1, style, writer.getDirectContent()));
            }
            if (options.log()) {
                log(document, content, style);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the handout", e);
        }
        return out.toByteArray();
    }

    private void header(Document document, HandoutContent c, Style s) throws DocumentException {
        if (c.logoJpeg() != null) {
            try {
                // Stored as JPEG at upload, so embedding is a copy, not a decode.
                Image logo = Image.getInstance(c.logoJpeg());
                logo.scaleToFit(160, s.body * 4);
                logo.setSpacingAfter(s.body * 0.5f);
                document.add(logo);
            } catch (IOException | RuntimeException e) {
                // A logo that cannot be read must not cost the patient their handout.
            }
        }
        document.add(s.paragraph(c.clinicName(), s.title, 0, 4));
        document.add(s.paragraph("Home exercises for " + c.patientName(), s.heading, 0, 4));
        document.add(s.paragraph("Therapist: " + c.therapistName(), s.regular, 0, 0));
        document.add(s.paragraph("Date: " + DATE.format(c.date()) + " \u00b7 Program version " + c.versionNumber(),
                s.regular, 0, s.body * 0.8f));
        Paragraph howTo = s.paragraph("", s.regular, 0, s.body * 0.8f);
        howTo.add(new Chunk("How to use this sheet: ", s.bold));
        howTo.add(new Chunk("do the exercises in this order, as often as each one says. Move slowly and keep "
                + "breathing. Some stretching is normal; pain is not.", s.regular));
        document.add(howTo);
    }

    /** Two tiers (docs/WARNING_SIGNS.md): the emergency signs first, with the number to call now. */
    private void safetyBox(Document document, HandoutContent c, Style s) throws DocumentException {
        PdfPCell emergency = new PdfPCell();
        emergency.setBorderWidth(3.5f);
        emergency.setBorderColor(Color.BLACK);
        emergency.setPadding(s.body * 0.7f);
        emergency.addElement(s.paragraph("Warning signs", s.heading, 0, s.body * 0.2f));
        emergency.addElement(s.paragraph("Get help now if you have:", s.bold, 0, 2));
        bullets(emergency, Symptom.of(Symptom.Tier.EMERGENCY).stream().map(Symptom::label).toList(), s);
        emergency.addElement(s.paragraph("Call " + c.emergencyNumber() + " or go to the emergency department now.",
                s.heading, s.body * 0.3f, 0));

        PdfPCell urgent = new PdfPCell();
        urgent.setBorderWidth(2.5f);
        urgent.setBorderColor(Color.BLACK);
        urgent.setPadding(s.body * 0.7f);
        urgent.addElement(s.paragraph("Stop and call us if you have:", s.bold, 0, 2));
        bullets(urgent, List.of(RED_FLAGS), s);
        String call = c.clinicPhone().isEmpty() ? "Call your clinic." : "Call us on " + c.clinicPhone() + ".";
        urgent.addElement(s.paragraph(call, s.bold, s.body * 0.3f, 0));
        if (!c.outOfHoursPhone().isEmpty()) {
            urgent.addElement(s.paragraph("When we are closed, call " + c.outOfHoursPhone() + ".", s.bold, 0, 0));
        }
        PdfPTable box = s.table(1);
        box.addCell(emergency);
        box.addCell(urgent);
        box.setKeepTogether(true);
        box.setSpacingAfter(s.body);
        document.add(box);
    }

    private static void bullets(PdfPCell cell, List<String> lines, Style s) {
        for (String line : lines) {
            Paragraph p = s.paragraph("\u2022 " + line, s.regular, 0, 0);
            p.setIndentationLeft(s.body);
            p.setFirstLineIndent(-s.body);
            cell.addElement(p);
        }
    }

    /**
     * The way to the check-off page: the QR code for a phone camera, and the address and code to
     * type for those who cannot scan. The code is large and spaced, as it is read off paper.
     */
    /** Forgetting is the reason patients give most: point them to the calendar reminder. */
    static final String REMIND_ME = "Tap \"Remind me\" on that page to get a reminder in your phone's calendar.";

    private void phoneBox(Document document, PdfWriter writer, HandoutContent.PhoneAccess access, Style s)
            throws DocumentException {
        PdfPTable box = s.table(2);
        box.setWidths(s.large ? new float[]{36, 64} : new float[]{24, 76});
        box.setKeepTogether(true);
        PdfPCell qr = new PdfPCell(QrCode.image(writer, access.link(), s.large ? 130 : 110), false);
        qr.setBorderWidth(1.5f);
        qr.setBorderWidthRight(0);
        qr.setPadding(s.body * 0.4f);
        qr.setVerticalAlignment(Element.ALIGN_MIDDLE);
        box.addCell(qr);
        PdfPCell text = new PdfPCell();
        text.setBorderWidth(1.5f);
        text.setBorderWidthLeft(0);
        text.setPadding(s.body * 0.6f);
        text.addElement(s.paragraph("Tick off sessions on your phone", s.heading, 0, s.body * 0.3f));
        text.addElement(s.paragraph("Scan the square with your phone's camera. No password needed.",
                s.regular, 0, s.body * 0.3f));
        text.addElement(s.paragraph("No camera? Go to " + access.codePage() + " and type:", s.regular, 0, 2));
        text.addElement(s.paragraph(access.code(), s.code, 0, s.body * 0.3f));
        text.addElement(s.paragraph(REMIND_ME, s.regular, 0, 0));
        box.addCell(text);
        box.setSpacingAfter(s.body);
        document.add(box);
    }

    /** Large-print frame height: inside its padding, just over twice the standard frame's 92 pt. */
    static final float LARGE_FIGURE_HEIGHT = 196;

    /**
     * One exercise in one table kept together, so it moves to the next page whole rather than
     * split (only an exercise taller than a whole page continues on the next one). The figure
     * frame sits beside the name and the dosage, so the patient sees what and how much at a
     * glance; the steps use the full width below. In large print the frame takes half the width
     * and is twice as tall, so the figure prints at least twice its standard size while the name
     * and dosage fill the height beside it instead of adding to it.
     */
    private PdfPTable exercise(HandoutContent.Item item, int number, Style s, PdfContentByte canvas) {
        PdfPTable table = s.table(2);
        try {
            table.setWidths(s.large ? new float[]{50, 50} : new float[]{26, 74});
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        table.setKeepTogether(true);
        table.setSpacingAfter(s.body * 1.2f);
        // Only an exercise taller than a page splits, between steps; the part on the next page opens
        // with the exercise's name so the patient knows what the rest belongs to.
        table.setHeaderRows(1);
        table.setSkipFirstHeader(true);
        table.addCell(textRow(s.paragraph(number + ". " + item.name() + ", continued", s.heading, 0, s.body * 0.4f), 0));

        PdfPCell rule = new PdfPCell();
        rule.setColspan(2);
        rule.setBorder(Rectangle.TOP);
        rule.setBorderWidth(1.5f);
        rule.setFixedHeight(s.body * 0.6f);
        table.addCell(rule);

        // The exercise's figure as vector paths (a form XObject), a few hundred bytes at any print size;
        // an exercise without one keeps a clean, empty frame.
        float frameHeight = s.large ? LARGE_FIGURE_HEIGHT : 100;
        PdfPCell figure = new PdfPCell();
        if (item.figure() != null) {
            float padding = 4;
            float frameWidth = (s.large ? 0.5f : 0.26f) * (PageSize.A4.getWidth() - 2 * (s.large ? 36 : 48));
            // A point to spare: a figure exactly as tall as the space inside the frame can be pushed
            // out of it by rounding (the walking figure spilled over its steps in standard print).
            Image drawing = Image.getInstance(item.figure().pdf(canvas, frameWidth - 2 * padding,
                    frameHeight - 2 * padding - 1));
            figure = new PdfPCell(drawing, false);
            figure.setPadding(padding);
            figure.setHorizontalAlignment(Element.ALIGN_CENTER);
            figure.setVerticalAlignment(Element.ALIGN_MIDDLE);
        }
        figure.setFixedHeight(frameHeight);
        figure.setBorder(Rectangle.BOX);
        figure.setBorderColor(GREY_LINE);
        figure.setBorderWidth(0.75f);
        table.addCell(figure);

        PdfPCell head = new PdfPCell();
        head.setBorder(Rectangle.NO_BORDER);
        head.setPaddingLeft(s.body);
        head.setPaddingTop(0);
        head.addElement(s.paragraph(number + ". " + item.name(), s.heading, 0, s.body * 0.4f));
        head.addElement(s.paragraph(item.dosage(), s.bold, 0, 0));
        table.addCell(head);

        // One row per step and one for the note, so a page break can only fall between them.
        for (int i = 0; i < item.steps().size(); i++) {
            String prefix = (i + 1) + ". ";
            Paragraph step = s.paragraph(prefix + item.steps().get(i), s.regular, 0, s.body * 0.25f);
            // Hanging indent: wrapped lines start under the step's text, not under its number.
            float indent = s.regularFont.getWidthPoint(prefix, s.body);
            step.setIndentationLeft(indent);
            step.setFirstLineIndent(-indent);
            table.addCell(textRow(step, i == 0 ? s.body * 0.6f : 0));
        }
        // Large print leaves the tips out: at 18 pt the longest built-in exercises would no longer fit one page.
        for (String tip : s.large ? java.util.List.<String>of() : item.tips()) {
            table.addCell(textRow(s.paragraph("Tip: " + tip, s.regular, 0, s.body * 0.2f), 0));
        }
        if (!item.note().isEmpty()) {
            // Built on a paragraph with our font: a bare Phrase would bring in OpenPDF's default Helvetica.
            Paragraph note = s.paragraph("", s.regular, s.body * 0.3f, 0);
            note.add(new Chunk("From your therapist: ", s.bold));
            note.add(new Chunk(s.clean(item.note()), s.regular));
            table.addCell(textRow(note, 0));
        }
        return table;
    }

    /** A borderless full-width row of text, part of an exercise. */
    private static PdfPCell textRow(Paragraph paragraph, float paddingTop) {
        PdfPCell cell = new PdfPCell();
        cell.setColspan(2);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingTop(paddingTop);
        cell.addElement(paragraph);
        return cell;
    }

    /** Two weeks, one box per prescribed session per day, and a pain score to bring to the next visit. */
    private void log(Document document, HandoutContent c, Style s) throws DocumentException {
        document.newPage();
        int sessions = Math.max(1, c.items().stream().mapToInt(HandoutContent.Item::timesPerDay).max().orElse(1));
        document.add(s.paragraph("My exercise log", s.title, 0, 4));
        document.add(s.paragraph("Write the date, tick one box each time you do your exercises, and write your pain "
                + "from 0 (no pain) to 10 (worst pain). Bring this sheet to your next visit.", s.regular, 0, s.body * 0.6f));
        PdfPTable grid = s.table(sessions + 3);
        float[] widths = new float[sessions + 3];
        widths[0] = s.large ? 1.6f : 1.2f;
        widths[1] = 2.4f;
        for (int i = 0; i < sessions; i++) {
            widths[2 + i] = 1.2f;
        }
        widths[sessions + 2] = s.large ? 2.2f : 1.8f;
        grid.setWidths(widths);
        grid.setHeaderRows(1);
        grid.setKeepTogether(true);
        grid.addCell(s.logHeader("Day"));
        grid.addCell(s.logHeader("Date"));
        for (int i = 1; i <= sessions; i++) {
            grid.addCell(s.logHeader(sessions == 1 ? "Done" : (s.large ? "" : "Time ") + i));
        }
        grid.addCell(s.logHeader("Pain 0\u201310"));
        float rowHeight = s.large ? 31 : 28;
        for (int day = 1; day <= LOG_DAYS; day++) {
            PdfPCell label = new PdfPCell(new Phrase(Integer.toString(day), s.regular));
            label.setFixedHeight(rowHeight);
            label.setVerticalAlignment(Element.ALIGN_MIDDLE);
            label.setHorizontalAlignment(Element.ALIGN_CENTER);
            grid.addCell(label);
            for (int i = 0; i < sessions + 2; i++) {
                PdfPCell box = new PdfPCell();
                box.setFixedHeight(rowHeight);
                grid.addCell(box);
            }
        }
        document.add(grid);
    }

    private static String footerText(HandoutContent c) {
        return "Patient " + c.patientInitials() + "  \u00b7  " + DATE.format(c.date());
    }

    /** Fonts and sizes for one render; large print scales everything, including the footer. */
    private static final class Style {
        final BaseFont regularFont;
        final boolean large;
        final float body;
        final float leading;
        final Font regular, bold, heading, title, code;

        Style(BaseFont regularFont, BaseFont boldFont, boolean large) {
            this.regularFont = regularFont;
            this.large = large;
            this.body = large ? 18 : 12.5f;
            this.leading = body * (large ? 1.5f : 1.35f);
            this.regular = new Font(regularFont, body, Font.NORMAL, Color.BLACK);
            this.bold = new Font(boldFont, body, Font.NORMAL, Color.BLACK);
            this.heading = new Font(boldFont, body * 1.2f, Font.NORMAL, Color.BLACK);
            this.title = new Font(boldFont, body * 1.5f, Font.NORMAL, Color.BLACK);
            this.code = new Font(boldFont, body * 1.6f, Font.NORMAL, Color.BLACK);
        }

        Paragraph paragraph(String text, Font font, float before, float after) {
            Paragraph p = new Paragraph(clean(text), font);
            p.setLeading(Math.max(leading, font.getSize() * (large ? 1.5f : 1.3f)));
            p.setSpacingBefore(before);
            p.setSpacingAfter(after);
            return p;
        }

        PdfPTable table(int columns) {
            PdfPTable table = new PdfPTable(columns);
            table.setWidthPercentage(100);
            return table;
        }

        PdfPCell logHeader(String text) {
            PdfPCell cell = new PdfPCell(new Phrase(clean(text), bold));
            cell.setBackgroundColor(SHADE);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPaddingBottom(body * 0.4f);
            return cell;
        }

        /**
         * Text as the font can print it: characters it has no glyph for (emoji, for instance),
         * control and bidi-override characters are dropped, so odd input never breaks the PDF.
         * Markup such as {@code <script>} is just text in a PDF and prints as typed.
         */
        String clean(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n' || cp == '\t') {
                    out.append(' ');
                } else if (Character.isISOControl(cp) || isBidiControl(cp)
                        || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
                        || Character.getType(cp) == Character.PRIVATE_USE) {
                    // dropped
                } else if (cp == ' ' || regularFont.charExists(cp)) {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString().replaceAll(" {2,}", " ").strip();
        }

        private static boolean isBidiControl(int cp) {
            return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
        }
    }
}

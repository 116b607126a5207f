package org.homestretch.illustration;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every built-in exercise's figure with its name on a few A4 pages, to look at them all at once:
 * {@code ./mvnw -B -q -Pcontact-sheet test-compile exec:java} writes
 * {@code target/contact-sheet/figures.pdf} and, when {@code pdftoppm} (poppler-utils) is
 * installed, one PNG per page beside it. Not a test: {@code ./mvnw verify} never runs it.
 */
public final class ContactSheet {

    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "target/contact-sheet");
        dir.mkdirs();
        File pdf = new File(dir, "figures.pdf");
        Map<String, String> names = builtInNames();
        Map<String, FigureSpec> specs = FigureLibrary.specs();
        Document document = new Document(PageSize.A4, 28, 28, 28, 28);
        try (OutputStream out = new FileOutputStream(pdf)) {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph("HomeStretch exercise figures", new Font(Font.HELVETICA, 14, Font.BOLD)));
            PdfPTable table = new PdfPTable(3);
            table.setWidthPercentage(100);
            for (var entry : names.entrySet()) {
                PdfPCell cell = new PdfPCell();
                cell.setBorder(Rectangle.BOX);
                cell.setBorderColor(java.awt.Color.LIGHT_GRAY);
                cell.setPadding(6);
                cell.setFixedHeight(178);
                cell.addElement(new Phrase(entry.getValue() + "  (" + entry.getKey() + ")",
                        new Font(Font.HELVETICA, 8.5f, Font.BOLD)));
                // A figure that cannot be drawn shows its reason, so one bad pose does not hide the others.
                FigureSpec spec = specs.get(entry.getKey());
                try {
                    if (spec == null) {
                        throw new PoseException("No figure yet.");
                    }
                    Drawing d = Figure.of(spec).drawing();
                    Image image = Image.getInstance(PdfFigure.template(writer.getDirectContent(), d, 1));
                    image.scaleToFit(165, 135);
                    image.setAlignment(Element.ALIGN_CENTER);
                    cell.addElement(image);
                } catch (PoseException e) {
                    cell.addElement(new Phrase(e.getMessage(), new Font(Font.HELVETICA, 9, Font.BOLD, java.awt.Color.RED)));
                }
                table.addCell(cell);
            }
            table.completeRow();
            document.add(table);
            document.close();
        }
        System.out.println("Wrote " + pdf);
        File pdftoppm = new File("/usr/bin/pdftoppm");
        if (pdftoppm.canExecute()) {
            Process p = new ProcessBuilder(pdftoppm.getPath(), "-png", "-r", "110", pdf.getPath(),
                    new File(dir, "figures").getPath()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pdftoppm failed");
            }
            System.out.println("Wrote PNG pages to " + dir);
        } else {
            System.out.println("Install poppler-utils (pdftoppm) for PNG pages.");
        }
    }

    /** Slug to name, in the catalog file's order. */
    static Map<String, String> builtInNames() throws Exception {
        try (InputStream in = ContactSheet.class.getResourceAsStream("/catalog/builtin-exercises.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, String> names = new LinkedHashMap<>();
            for (JsonNode e : root.get("exercises")) {
                names.put(e.get("slug").asString(), e.get("name").asString());
            }
            return names;
        }
    }
}

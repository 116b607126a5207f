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
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Map;

/**
 * Every built-in exercise's figure with its name on a few A4 pages, to look at them all at once:
 * {@code ./mvnw -B -q -Pcontact-sheet test-compile exec:java} writes
 * {@code target/contact-sheet/figures.pdf} and, when {@code pdftoppm} (poppler-utils) is
 * installed, one PNG per page beside it. With {@code -Dexec.args="target/contact-sheet --blind"} the
 * figures are numbered in a shuffled order without their names ({@code blind.pdf}, with the key
 * in {@code blind-key.tsv}), for a review by someone who does not know the exercises. Not a test:
 * {@code ./mvnw verify} never runs it.
 */
public final class ContactSheet {

    public static void main(String[] args) throws Exception {
        boolean blind = List.of(args).contains("--blind");
        List<String> rest = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        File dir = new File(rest.isEmpty() ? "target/contact-sheet" : rest.getFirst());
        dir.mkdirs();
        File pdf = new File(dir, blind ? "blind.pdf" : "figures.pdf");
        Map<String, FigureSpec> specs = FigureLibrary.specs();
        Map<String, String> names = new LinkedHashMap<>(builtInNames());
        // Figures for exercises the catalog does not list (yet) show under their slug.
        for (String slug : specs.keySet()) {
            names.putIfAbsent(slug, slug);
        }
        String only = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7)).findFirst()
                .orElse(null);
        if (only != null) {
            names.keySet().retainAll(List.of(only.split(",")));
        }
        if (blind) {
            // Numbers only, in a shuffled order, so a reviewer judges each drawing by itself; the key is written beside it.
            List<String> slugs = new ArrayList<>(names.keySet());
            Collections.shuffle(slugs, new Random(19));
            Map<String, String> numbered = new LinkedHashMap<>();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < slugs.size(); i++) {
                numbered.put(slugs.get(i), "No. " + (i + 1));
                key.append(i + 1).append('\t').append(slugs.get(i)).append('\n');
            }
            names = numbered;
            Files.writeString(new File(dir, "blind-key.tsv").toPath(), key);
        }
        Document document = new Document(PageSize.A4, 28, 28, 28, 28);
        try (OutputStream out = new FileOutputStream(pdf)) {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(blind ? "Exercise figures" : "HomeStretch exercise figures",
                    new Font(Font.HELVETICA, 14, Font.BOLD)));
            PdfPTable table = new PdfPTable(only != null ? 2 : 3);
            table.setWidthPercentage(100);
            for (var entry : names.entrySet()) {
                PdfPCell cell = new PdfPCell();
                cell.setBorder(Rectangle.BOX);
                cell.setBorderColor(java.awt.Color.LIGHT_GRAY);
                cell.setPadding(6);
                cell.setFixedHeight(only != null ? 300 : 178);
                cell.addElement(new Phrase(blind ? entry.getValue() : entry.getValue() + "  (" + entry.getKey() + ")",
                        new Font(Font.HELVETICA, 8.5f, Font.BOLD)));
                // A figure that cannot be drawn shows its reason, so one bad pose does not hide the others.
                FigureSpec spec = specs.get(entry.getKey());
                try {
                    if (spec == null) {
                        throw new PoseException("No figure yet.");
                    }
                    Drawing d = Figure.of(spec).drawing();
                    Image image = Image.getInstance(PdfFigure.template(writer.getDirectContent(), d, 1));
                    image.scaleToFit(only != null ? 250 : 165, only != null ? 260 : 135);
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
                    new File(dir, blind ? "blind" : "figures").getPath()).inheritIO().start();
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

package org.homestretch.handout;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A rendered handout read back with PDFBox, as a reader would see it. */
final class HandoutPdf {

    final byte[] bytes;
    final int pages;
    /** Text of each page, whitespace collapsed to single spaces. */
    final List<String> pageTexts = new ArrayList<>();
    /** Raw text of each page, with the line breaks PDFBox found. */
    final List<String> rawPageTexts = new ArrayList<>();
    final List<TextPosition> glyphs = new ArrayList<>();
    final List<List<TextPosition>> pageGlyphs = new ArrayList<>();
    final float pageWidth;

    HandoutPdf(byte[] bytes) throws IOException {
        this.bytes = bytes;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            pages = document.getNumberOfPages();
            pageWidth = document.getPage(0).getMediaBox().getWidth();
            for (int page = 1; page <= pages; page++) {
                List<TextPosition> onPage = new ArrayList<>();
                pageGlyphs.add(onPage);
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        glyphs.add(text);
                        onPage.add(text);
                        super.processTextPosition(text);
                    }
                };
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String raw = stripper.getText(document);
                rawPageTexts.add(raw);
                pageTexts.add(normalise(raw));
            }
        }
    }

    String text() {
        return String.join(" ", pageTexts);
    }

    /** 1-based number of the first page whose text contains {@code s}, or 0. */
    int pageOf(String s) {
        String wanted = normalise(s);
        for (int i = 0; i < pageTexts.size(); i++) {
            if (pageTexts.get(i).contains(wanted)) {
                return i + 1;
            }
        }
        return 0;
    }

    static String normalise(String s) {
        // A line may break after a hyphen ("cross-" / "legged"): join it back as it was typed.
        return s.replaceAll("-\\R\\s*", "-").replaceAll("\\s+", " ").strip();
    }

    /** Runs {@code qpdf --check}; fails (never skips) when qpdf is not installed. */
    static String qpdfCheck(byte[] pdf) throws IOException, InterruptedException {
        File qpdf = new File("/usr/bin/qpdf");
        if (!qpdf.canExecute()) {
            throw new AssertionError("qpdf is required for the handout tests: install it (apt-get install qpdf).");
        }
        Path file = Files.createTempFile("handout", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder(qpdf.getPath(), "--check", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("qpdf --check did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("qpdf --check failed (" + process.exitValue() + "):\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

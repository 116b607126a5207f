package org.homestretch.handout;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.DosageText;
import org.homestretch.catalog.ExerciseFigure;
import org.homestretch.catalog.Sides;
import org.homestretch.illustration.FigureLibrary;
import org.junit.jupiter.api.Test;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Large print is for people who cannot see small pictures: the figure prints at least twice as big. */
class HandoutFigureSizeTest {

    static final FigureLibrary FIGURES = FigureLibrary.load();

    @Test
    void large_print_draws_the_figure_at_least_twice_as_wide_and_tall_as_standard_print() throws Exception {
        // A lying figure (wide), a standing one (tall), and one with a second view beside the side view.
        for (String slug : List.of("knee-to-chest", "walking", "trunk-rotation", "chair-figure-four", "bridge")) {
            HandoutContent content = HandoutRendererTest.content(List.of(item(slug)));
            float[] standard = figureSize(new HandoutRenderer().render(content, new HandoutOptions(false, false)));
            float[] large = figureSize(new HandoutRenderer().render(content, new HandoutOptions(true, false)));

            assertThat(standard[0]).as("%s is drawn in standard print", slug).isGreaterThan(40);
            assertThat(large[0]).as("%s width: large %s vs standard %s", slug, large[0], standard[0])
                    .isGreaterThanOrEqualTo(2 * standard[0]);
            assertThat(large[1]).as("%s height: large %s vs standard %s", slug, large[1], standard[1])
                    .isGreaterThanOrEqualTo(2 * standard[1]);
        }
    }

    @Test
    void the_figure_stays_above_the_steps_in_both_sizes() throws Exception {
        for (String slug : List.of("walking", "chair-figure-four", "chair-trunk-rotation", "trunk-rotation", "knee-to-chest")) {
            for (boolean large : new boolean[]{false, true}) {
                byte[] bytes = new HandoutRenderer().render(HandoutRendererTest.content(List.of(item(slug))),
                        new HandoutOptions(large, false));
                float[] figure = figureSize(bytes);
                HandoutPdf pdf = new HandoutPdf(bytes);
                List<org.apache.pdfbox.text.TextPosition> glyphs = pdf.pageGlyphs.get((int) figure[4]);
                int first = -1;
                // "slowly." ends the step "Do it slowly."; the sheet's "How to use" says "slowly and".
                for (int i = 0; i + 7 <= glyphs.size() && first < 0; i++) {
                    StringBuilder word = new StringBuilder();
                    glyphs.subList(i, i + 7).forEach(g -> word.append(g.getUnicode()));
                    first = word.toString().equals("slowly.") ? i : -1;
                }
                assertThat(first).as("the step of %s is on the figure's page", slug).isNotNegative();
                org.apache.pdfbox.text.TextPosition glyph = glyphs.get(first);
                float stepTop = glyph.getPageHeight() - (glyph.getYDirAdj() - glyph.getHeightDir());
                assertThat(figure[3]).as("bottom of %s's figure above its first step, large print %s", slug, large)
                        .isGreaterThan(stepTop);
            }
        }
    }

    private static HandoutContent.Item item(String slug) {
        Dosage dosage = new Dosage(2, 10, 30, Sides.NONE, 1, 7);
        ExerciseFigure figure = ExerciseFigure.of(FIGURES.find(slug).orElseThrow().drawing(), slug);
        return new HandoutContent.Item(slug, List.of("Do it slowly."), DosageText.sentence(dosage), "",
                List.of("Breathe."), 1, figure);
    }

    /**
     * Width, height, left, bottom (in points, as printed) and page index of the vector figure (a form XObject): the largest form
     * on any page, since the page count in the footer is a small form too.
     */
    static float[] figureSize(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<float[]> forms = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                PDPage page = document.getPage(i);
                int from = forms.size();
                new FormFinder(page, forms).processPage(page);
                for (float[] form : forms.subList(from, forms.size())) {
                    form[4] = i;
                }
            }
            assertThat(forms.size()).as("the figure and a page count on each page").isEqualTo(1 + document.getNumberOfPages());
            return forms.stream().max(java.util.Comparator.comparingDouble(f -> f[0] * f[1])).orElseThrow();
        }
    }

    private static final class FormFinder extends PDFGraphicsStreamEngine {
        private final List<float[]> forms;

        FormFinder(PDPage page, List<float[]> forms) {
            super(page);
            this.forms = forms;
        }

        @Override
        public void showForm(PDFormXObject form) throws IOException {
            Matrix m = getGraphicsState().getCurrentTransformationMatrix().clone();
            m.concatenate(form.getMatrix());
            forms.add(new float[]{form.getBBox().getWidth() * m.getScalingFactorX(),
                    form.getBBox().getHeight() * m.getScalingFactorY(),
                    m.getTranslateX() + form.getBBox().getLowerLeftX() * m.getScalingFactorX(),
                    m.getTranslateY() + form.getBBox().getLowerLeftY() * m.getScalingFactorY(), 0});
        }

        @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) { }
        @Override public void drawImage(PDImage pdImage) { }
        @Override public void clip(int windingRule) { }
        @Override public void moveTo(float x, float y) { }
        @Override public void lineTo(float x, float y) { }
        @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { }
        @Override public Point2D getCurrentPoint() { return new Point2D.Float(); }
        @Override public void closePath() { }
        @Override public void endPath() { }
        @Override public void strokePath() { }
        @Override public void fillPath(int windingRule) { }
        @Override public void fillAndStrokePath(int windingRule) { }
        @Override public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) { }
    }
}

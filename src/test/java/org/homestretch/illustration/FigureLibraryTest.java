package org.homestretch.illustration;

import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every built-in figure draws, in SVG and PDF, and keeps the body honest. */
class FigureLibraryTest {

    static final FigureLibrary LIBRARY = FigureLibrary.load();
    static final double TOLERANCE = 0.6;

    @Test
    void every_built_in_exercise_has_a_figure_and_nothing_else_does() throws Exception {
        assertThat(LIBRARY.all().keySet()).containsExactlyInAnyOrderElementsOf(ContactSheet.builtInNames().keySet());
    }

    @Test
    void every_figure_renders_to_well_formed_labelled_svg_without_a_fixed_size() throws Exception {
        for (var entry : LIBRARY.all().entrySet()) {
            String svg = SvgWriter.write(entry.getValue().drawing(), "Figure of " + entry.getKey());
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(root.getAttribute("role")).isEqualTo("img");
            assertThat(root.getAttribute("aria-label")).isEqualTo("Figure of " + entry.getKey());
            assertThat(root.getAttribute("viewBox")).startsWith("0 0 ");
            assertThat(root.hasAttribute("width") || root.hasAttribute("height")).as("CSS sizes it").isFalse();
            assertThat(svg.length()).as("%s stays small", entry.getKey()).isLessThan(12_000);
        }
    }

    @Test
    void every_figure_draws_into_a_pdf_as_vector_paths() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        for (Figure figure : LIBRARY.all().values()) {
            Image image = Image.getInstance(PdfFigure.template(writer.getDirectContent(), figure.drawing(), 0.8f));
            document.add(image);
        }
        document.close();
        assertThat(out.size()).as("24 figures").isLessThan(120_000);
    }

    @Test
    void limbs_keep_their_lengths_in_every_pose() {
        Map<String, Double> segments = Map.ofEntries(
                Map.entry("hip>waist", Body.PELVIS), Map.entry("waist>shoulder", Body.CHEST),
                Map.entry("shoulder>head", Body.NECK),
                Map.entry("hip>nearKnee", Body.THIGH), Map.entry("hip>farKnee", Body.THIGH),
                Map.entry("nearKnee>nearAnkle", Body.SHIN), Map.entry("farKnee>farAnkle", Body.SHIN),
                Map.entry("nearAnkle>nearToe", Body.FOOT), Map.entry("farAnkle>farToe", Body.FOOT),
                Map.entry("nearShoulder>nearElbow", Body.UPPER_ARM), Map.entry("farShoulder>farElbow", Body.UPPER_ARM),
                Map.entry("nearElbow>nearWrist", Body.FOREARM), Map.entry("farElbow>farWrist", Body.FOREARM));
        forEveryPose((slug, body) -> segments.forEach((segment, length) -> {
            String[] ends = segment.split(">");
            // Each leg hangs from its own hip joint, a little to the side of the middle.
            Vec a = !segment.startsWith("hip>") || ends[1].equals("waist") ? body.point(ends[0])
                    : body.point("hip").plus(new Vec(0, 0, ends[1].startsWith("near") ? 9 : -9));
            assertThat(body.point(ends[1]).minus(a).length()).as("%s: %s", slug, segment).isCloseTo(length, within(0.01));
        }));
    }

    @Test
    void the_parts_a_pose_rests_on_touch_the_surface_and_nothing_goes_through_it() {
        forEveryPose((slug, body) -> {
            for (String contact : body.pose().contacts()) {
                assertThat(body.low(contact)).as("%s rests on its %s", slug, contact).isCloseTo(0, within(TOLERANCE));
            }
            Surface surface = LIBRARY.find(slug).orElseThrow().surface();
            // Paper-coloured rims are outlines, not body, and may overlap the surface line.
            for (Shape shape : body.shapes().stream().filter(shape -> shape.tone() != Tone.PAPER).toList()) {
                Bounds b = Bounds.of(shape);
                boolean overTheEdge = surface == Surface.BED_EDGE && b.maxX() > Surface.EDGE_X;
                if (!overTheEdge) {
                    assertThat(b.minY()).as("%s: %s stays above the surface", slug, shape).isGreaterThan(-TOLERANCE);
                }
            }
        });
    }

    @Test
    void every_figure_lies_inside_its_frame() {
        LIBRARY.all().forEach((slug, figure) -> {
            Drawing d = figure.drawing();
            Bounds frame = new Bounds(0, 0, d.width(), d.height());
            assertThat(frame.contains(Bounds.of(d.shapes()))).as("%s inside %s", slug, frame).isTrue();
        });
    }

    @Test
    void a_moving_exercise_has_a_start_and_an_end_pose_and_an_arrow() {
        for (String slug : List.of("knee-to-chest", "bridge", "cat-camel", "pelvic-tilt", "bird-dog", "knee-sway")) {
            Figure figure = LIBRARY.find(slug).orElseThrow();
            assertThat(figure.bodies()).as(slug).hasSize(2);
            assertThat(figure.panels().getLast()).as(slug).anyMatch(s -> s.tone() == Tone.ACCENT);
        }
        assertThat(LIBRARY.find("plank").orElseThrow().bodies()).hasSize(1);
    }

    private static void forEveryPose(java.util.function.BiConsumer<String, Body> check) {
        LIBRARY.all().forEach((slug, figure) -> figure.bodies().forEach(body -> check.accept(slug, body)));
    }
}

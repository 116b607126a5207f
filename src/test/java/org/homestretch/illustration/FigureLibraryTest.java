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

    /** The first catalog's exercises, all on a mat or a bed but two. */
    static final List<String> ORIGINAL = List.of("knee-to-chest", "double-knee-to-chest", "trunk-rotation",
            "knee-sway", "spinal-twist", "double-knee-twist", "cross-leg-stretch", "bridge", "pelvic-tilt",
            "hamstring-stretch", "thomas-stretch", "kneeling-hip-flexor-stretch", "cat-camel", "prayer-stretch",
            "childs-pose", "figure-four", "pigeon-pose", "lying-butterfly", "ninety-ninety-stretch", "plank",
            "bird-dog", "foam-roll-lower-back", "foam-roll-glutes", "foam-roll-hip-flexors");
    /** Chair, standing, walking and the other exercises added after them. */
    static final List<String> ADDED = List.of("chair-knee-to-chest", "chair-trunk-rotation", "chair-figure-four",
            "chair-hamstring-stretch", "chair-pelvic-tilt", "chair-side-bend", "seated-back-flexion", "sit-to-stand",
            "standing-back-extension", "standing-hamstring-stretch", "standing-hip-flexor-stretch",
            "standing-side-bend", "standing-pelvic-tilt", "wall-slide", "prone-press-up", "prone-lying",
            "seated-sciatic-nerve-glide", "lying-sciatic-nerve-glide", "side-lying-clam", "dead-bug",
            "abdominal-bracing", "walking");

    @Test
    void every_built_in_exercise_has_a_figure_and_every_figure_is_pinned() throws Exception {
        List<String> pinned = new java.util.ArrayList<>(ORIGINAL);
        pinned.addAll(ADDED);
        assertThat(LIBRARY.all().keySet()).containsExactlyInAnyOrderElementsOf(pinned);
        assertThat(LIBRARY.all().keySet()).containsAll(ContactSheet.builtInNames().keySet());
    }

    @Test
    void twists_and_hip_openers_have_a_second_view_beside_the_side_view() {
        for (String slug : List.of("trunk-rotation", "knee-sway", "spinal-twist", "double-knee-twist",
                "lying-butterfly", "figure-four", "cross-leg-stretch", "pigeon-pose", "ninety-ninety-stretch",
                "chair-trunk-rotation", "chair-figure-four")) {
            Figure figure = LIBRARY.find(slug).orElseThrow();
            assertThat(figure.viewPanels()).as(slug).hasSize(1);
            assertThat(figure.panels().size()).as("%s: side view and second view", slug).isGreaterThan(1);
        }
        // Lying on the side and bending sideways are drawn from that view only.
        assertThat(LIBRARY.find("side-lying-clam").orElseThrow().panels())
                .isEqualTo(LIBRARY.find("side-lying-clam").orElseThrow().viewPanels()).hasSize(2);
        assertThat(LIBRARY.find("standing-side-bend").orElseThrow().viewPanels()).hasSize(2);
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
        assertThat(out.size()).as("46 figures").isLessThan(230_000);
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
        for (String slug : List.of("knee-to-chest", "bridge", "cat-camel", "pelvic-tilt", "bird-dog", "knee-sway",
                "chair-knee-to-chest", "sit-to-stand", "wall-slide", "prone-press-up", "dead-bug",
                "standing-back-extension", "seated-sciatic-nerve-glide", "lying-sciatic-nerve-glide", "chair-pelvic-tilt")) {
            Figure figure = LIBRARY.find(slug).orElseThrow();
            assertThat(figure.bodies()).as(slug).hasSize(2);
            assertThat(figure.panels().getLast()).as(slug).anyMatch(s -> s.tone() == Tone.ACCENT);
        }
        assertThat(LIBRARY.find("plank").orElseThrow().bodies()).hasSize(1);
    }

    @Test
    void lying_on_the_front_rests_the_head_on_folded_forearms_and_points_the_toes_into_the_mat() {
        // Arms along the body left lying face down and lying on the back looking the same.
        Body body = LIBRARY.find("prone-lying").orElseThrow().bodies().getFirst();
        Vec head = body.point("head"), shoulder = body.point("shoulder");
        assertThat(shoulder.x()).as("head to the right").isGreaterThan(body.point("hip").x());
        for (String side : List.of("near", "far")) {
            Vec hand = body.point(side + "Hand"), elbow = body.point(side + "Elbow");
            // Folded in front of the shoulders, under the head, on the mat.
            assertThat(elbow.x()).as("%s elbow in front of the shoulders", side).isGreaterThan(shoulder.x() + 10);
            assertThat(hand.x()).as("%s hand under the head", side).isCloseTo(head.x(), within(Body.HEAD_R));
            // The arms lie flat at shoulder height: just above the mat, never through it.
            assertThat(hand.y() - Body.HAND_R).as("%s hand low, above the mat", side).isBetween(-TOLERANCE, 10.0);
            assertThat(elbow.y() - Body.ARM_R).as("%s elbow low, above the mat", side).isBetween(-TOLERANCE, 10.0);
            // The elbow stays out at the side, the forearm turns in across the body.
            assertThat(Math.abs(elbow.z())).as("%s elbow out to the side", side).isGreaterThan(Math.abs(hand.z()) + 10);
            assertThat(body.point(side + "Toe").y()).as("%s toes down", side).isLessThan(body.point(side + "Ankle").y() - 5);
        }
        // The head is raised off the mat onto the hands.
        assertThat(head.y()).isGreaterThan(body.point("nearHand").y() + Body.HAND_R);
        assertThat(head.y() - Body.HEAD_R).isGreaterThan(body.point("hip").y());
    }

    private static void forEveryPose(java.util.function.BiConsumer<String, Body> check) {
        LIBRARY.all().forEach((slug, figure) -> figure.bodies().forEach(body -> check.accept(slug, body)));
    }
}

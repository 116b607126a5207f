package org.homestretch.illustration;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every moving figure keeps the body honest in every frame, and plays as a small, script-free SVG. */
class MotionTest {

    static final MotionLibrary MOTIONS = MotionLibrary.load();
    static final double LENGTH_TOLERANCE = 0.05;

    @Test
    void every_built_in_figure_with_a_start_and_an_end_pose_moves() {
        List<String> twoPoses = FigureLibrary.specs().entrySet().stream()
                .filter(e -> e.getValue().poses().size() == 2 && e.getValue().view() == null
                        && !Boolean.TRUE.equals(e.getValue().still()))
                .map(Map.Entry::getKey).toList();
        assertThat(MOTIONS.refused()).as("frames that break the pose model").isEmpty();
        assertThat(MOTIONS.all().keySet()).containsExactlyElementsOf(twoPoses);
        assertThat(twoPoses).contains("knee-to-chest", "bridge", "bird-dog", "cat-camel", "sit-to-stand", "wall-slide");
        assertThat(MOTIONS.find("trunk-rotation")).as("shown still, with its view from the feet").isEmpty();
        assertThat(FigureLibrary.specs().values().stream().filter(s -> Boolean.TRUE.equals(s.still())).count())
                .as("figures kept still by hand").isEqualTo(1);
        assertThat(MOTIONS.find("plank")).as("a hold does not move").isEmpty();
    }

    @Test
    void the_movement_starts_and_ends_on_the_still_figures_poses() {
        FigureLibrary stills = FigureLibrary.load();
        MOTIONS.all().forEach((slug, motion) -> {
            List<Body> poses = stills.find(slug).orElseThrow().bodies();
            assertThat(motion.frames()).as(slug).hasSize(Motion.STEPS + 1);
            assertThat(motion.frames().getFirst().points()).as(slug).isEqualTo(poses.getFirst().points());
            assertThat(motion.frames().getLast().points()).as(slug).isEqualTo(poses.getLast().points());
        });
    }

    @Test
    void every_frame_passes_the_pose_models_check_and_every_limb_keeps_its_length() {
        int frames = 0;
        for (var entry : MOTIONS.all().entrySet()) {
            Motion motion = entry.getValue();
            for (int i = 0; i < motion.frames().size(); i++) {
                Body frame = motion.frames().get(i);
                Motion.check(frame, motion.surface());
                Map<String, Double> lengths = limbLengths(frame.points());
                for (var limb : lengths.entrySet()) {
                    assertThat(limb.getValue()).as("%s frame %d: %s", entry.getKey(), i, limb.getKey())
                            .isCloseTo(Motion.SEGMENTS.get(limb.getKey()), within(LENGTH_TOLERANCE));
                }
                frames++;
            }
        }
        assertThat(frames).isEqualTo(MOTIONS.all().size() * (Motion.STEPS + 1));
    }

    /**
     * The check above is what catches a movement worked out from the points instead of the
     * angles: the same points halfway between the start and the end pose shorten the limbs.
     */
    @Test
    void frames_made_by_moving_points_in_straight_lines_would_fail_the_limb_check() {
        int caught = 0;
        for (Motion motion : MOTIONS.all().values()) {
            Map<String, Vec> a = motion.frames().getFirst().points(), b = motion.frames().getLast().points();
            Map<String, Vec> halfway = new LinkedHashMap<>();
            a.forEach((name, p) -> halfway.put(name, p.plus(b.get(name).minus(p).times(0.5))));
            boolean shorter = limbLengths(halfway).entrySet().stream()
                    .anyMatch(l -> Math.abs(l.getValue() - Motion.SEGMENTS.get(l.getKey())) > LENGTH_TOLERANCE);
            caught += shorter ? 1 : 0;
        }
        assertThat(caught).as("moving figures whose straight-line frames break a limb").isEqualTo(MOTIONS.all().size());
    }

    @Test
    void nothing_jumps_from_one_frame_to_the_next() {
        MOTIONS.all().forEach((slug, motion) -> {
            for (int i = 1; i < motion.frames().size(); i++) {
                Map<String, Vec> p = motion.frames().get(i - 1).points(), q = motion.frames().get(i).points();
                for (String name : p.keySet()) {
                    // A tenth of the body's height per step of ten: a knee swinging to the chest, not a leap.
                    assertThat(q.get(name).minus(p.get(name)).flatLength()).as("%s frame %d: %s", slug, i, name)
                            .isLessThan(16);
                }
            }
        });
    }

    @Test
    void the_animated_figure_is_well_formed_script_free_svg_with_a_still_for_reduced_motion_and_print() throws Exception {
        for (var entry : MOTIONS.all().entrySet()) {
            String label = "Knee <hug> & \"rock\" " + entry.getKey();
            String svg = MotionSvg.write(entry.getValue(), label, 10);
            Document doc = parse(svg);
            Element root = doc.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(root.getAttribute("role")).isEqualTo("img");
            assertThat(root.getAttribute("aria-label")).isEqualTo(label);
            assertThat(root.getAttribute("viewBox")).startsWith("0 0 ");
            assertThat(root.hasAttribute("width") || root.hasAttribute("height")).as("CSS sizes it").isFalse();
            assertThat(doc.getElementsByTagName("script").getLength()).isZero();
            assertThat(svg).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContain("javascript:").doesNotContain("<text");
            // The only text is the name (the title) and the fixed rules that pick the moving or still body.
            assertThat(texts(root)).containsExactlyInAnyOrder(label, MotionSvg.STYLE);
            assertThat(MotionSvg.STYLE).contains("prefers-reduced-motion:reduce").contains("print")
                    .contains(".hs-moving{display:none}").contains(".hs-still{display:inline}");

            Element moving = group(doc, "hs-moving"), still = group(doc, "hs-still");
            assertThat(moving.getElementsByTagName("use").getLength()).as(entry.getKey())
                    .isEqualTo(entry.getValue().frames().getFirst().shapes().size());
            assertThat(still.getElementsByTagName("animate").getLength()).as("the still does not move").isZero();
            assertThat(still.getElementsByTagName("path").getLength() + still.getElementsByTagName("circle").getLength())
                    .as("end pose and arrow").isEqualTo(entry.getValue().frames().getLast().shapes().size()
                            + entry.getValue().arrow().size());

            NodeList animations = doc.getElementsByTagName("animate");
            assertThat(animations.getLength()).as(entry.getKey()).isPositive();
            for (int i = 0; i < animations.getLength(); i++) {
                Element a = (Element) animations.item(i);
                assertThat(a.getAttribute("attributeName")).isEqualTo("d");
                assertThat(a.getAttribute("repeatCount")).isEqualTo("indefinite");
                assertThat(a.getAttribute("dur")).isEqualTo("10s");
                String[] values = a.getAttribute("values").split(";"), times = a.getAttribute("keyTimes").split(";");
                assertThat(values).hasSameSizeAs(times).hasSize(2 * Motion.STEPS + 3);
                assertThat(values[0]).as("ends where it starts").isEqualTo(values[values.length - 1]);
                assertThat(times[0]).isEqualTo("0");
                assertThat(times[times.length - 1]).isEqualTo("1");
                for (int t = 1; t < times.length; t++) {
                    assertThat(Double.parseDouble(times[t])).isGreaterThanOrEqualTo(Double.parseDouble(times[t - 1]));
                }
            }
            Set<String> ids = new HashSet<>();
            NodeList all = doc.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                String id = ((Element) all.item(i)).getAttribute("id");
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
            Matcher refs = Pattern.compile("href=\"#([^\"]+)\"").matcher(svg);
            while (refs.find()) {
                assertThat(ids).as("%s points only at its own limbs", entry.getKey()).contains(refs.group(1));
            }
        }
    }

    @Test
    void the_hold_plays_as_prescribed_up_to_five_seconds() throws Exception {
        Motion knee = MOTIONS.find("knee-to-chest").orElseThrow();
        assertThat(dur(MotionSvg.write(knee, "Knee", 3))).as("2 s there, 3 s hold, 2 s back, 1 s rest").isEqualTo("8s");
        assertThat(dur(MotionSvg.write(knee, "Knee", 60))).as("a minute's hold is shown as 5 s").isEqualTo("10s");
        assertThat(dur(MotionSvg.write(knee, "Knee", 0))).as("a moving exercise pauses briefly").isEqualTo("5.5s");
        String threeSeconds = MotionSvg.write(knee, "Knee", 3);
        // Start to end in the first quarter (2 of 8 s), holding until 5 s: the end pose's keyTimes.
        Element a = (Element) parse(threeSeconds).getElementsByTagName("animate").item(0);
        String[] times = a.getAttribute("keyTimes").split(";");
        assertThat(times[Motion.STEPS]).isEqualTo("0.25");
        assertThat(times[Motion.STEPS + 1]).isEqualTo("0.625");
        assertThat(threeSeconds).as("another hold is another drawing, with its own ids")
                .isNotEqualTo(MotionSvg.write(knee, "Knee", 4));
    }

    @Test
    void a_moving_figure_stays_small() {
        MOTIONS.all().forEach((slug, motion) -> {
            String svg = MotionSvg.write(motion, slug, 30);
            assertThat(svg.length()).as(slug).isLessThan(30_000);
        });
    }

    static Map<String, Double> limbLengths(Map<String, Vec> points) {
        Map<String, Double> out = new LinkedHashMap<>();
        Motion.SEGMENTS.keySet().forEach(segment -> {
            String[] ends = segment.split(">");
            out.put(segment, at(points, ends[1]).minus(at(points, ends[0])).length());
        });
        return out;
    }

    /** Each leg hangs from its own hip joint, a little to the side of the middle of the pelvis. */
    private static Vec at(Map<String, Vec> points, String name) {
        return switch (name) {
            case "nearHip" -> points.get("hip").plus(new Vec(0, 0, 9));
            case "farHip" -> points.get("hip").plus(new Vec(0, 0, -9));
            default -> points.get(name);
        };
    }

    private static String dur(String svg) throws Exception {
        return ((Element) parse(svg).getElementsByTagName("animate").item(0)).getAttribute("dur");
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element group(Document doc, String className) {
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals(className)) {
                return g;
            }
        }
        throw new AssertionError("No group " + className);
    }

    private static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!child.getNodeValue().isBlank()) {
                    out.add(child.getNodeValue());
                }
            } else {
                out.addAll(texts(child));
            }
        }
        return out;
    }
}

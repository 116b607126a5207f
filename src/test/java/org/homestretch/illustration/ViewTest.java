package org.homestretch.illustration;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Props and the second view: drawn from the same pose model, so the body stays the same body. */
class ViewTest {

    static final FigureLibrary LIBRARY = FigureLibraryTest.LIBRARY;

    @Test
    void a_projected_body_keeps_every_limb_length() {
        Map<String, Double> segments = Map.of("nearHip>nearKnee", Body.THIGH, "farHip>farKnee", Body.THIGH,
                "nearKnee>nearAnkle", Body.SHIN, "farKnee>farAnkle", Body.SHIN,
                "nearShoulder>nearElbow", Body.UPPER_ARM, "farElbow>farWrist", Body.FOREARM,
                "waist>shoulder", Body.CHEST);
        LIBRARY.all().forEach((slug, figure) -> {
            for (View view : View.values()) {
                for (Body body : figure.bodies()) {
                    Body seen = view.project(body);
                    segments.forEach((segment, length) -> {
                        String[] ends = segment.split(">");
                        assertThat(seen.point(ends[1]).minus(seen.point(ends[0])).length())
                                .as("%s from the %s: %s", slug, view, segment).isCloseTo(length, within(0.01));
                    });
                }
            }
        });
    }

    @Test
    void from_the_feet_the_knee_sway_shows_both_knees_falling_to_one_side() {
        Figure sway = LIBRARY.find("knee-sway").orElseThrow();
        Body start = View.FEET.project(sway.bodies().getFirst());
        Body end = View.FEET.project(sway.bodies().getLast());
        double middle = start.point("hip").x();
        // Knees up: one on each side of the middle, a hip's width apart.
        assertThat(start.point("nearKnee").x()).isLessThan(middle - 5);
        assertThat(start.point("farKnee").x()).isGreaterThan(middle + 5);
        // Fallen to the side: both knees well to the same side, and lower than before.
        assertThat(end.point("nearKnee").x()).isLessThan(middle - 25);
        assertThat(end.point("farKnee").x()).isLessThan(middle - 10);
        assertThat(end.point("nearKnee").y()).isLessThan(start.point("nearKnee").y() - 10);
    }

    @Test
    void from_the_feet_the_butterfly_knees_fall_apart_to_their_own_sides() {
        Body body = View.FEET.project(LIBRARY.find("lying-butterfly").orElseThrow().bodies().getFirst());
        double middle = body.point("hip").x();
        assertThat(body.point("nearKnee").x()).isLessThan(middle - 25);
        assertThat(body.point("farKnee").x()).isGreaterThan(middle + 20);
    }

    @Test
    void the_ninety_ninety_front_shin_shows_in_the_side_view_and_lies_across_from_above() {
        Body body = LIBRARY.find("ninety-ninety-stretch").orElseThrow().bodies().getFirst();
        Vec shin = body.point("nearAnkle").minus(body.point("nearKnee"));
        assertThat(Math.hypot(shin.x(), shin.y())).as("side view").isGreaterThan(Body.SHIN * 0.5);
        Body above = View.ABOVE.project(body);
        Vec seen = above.point("nearAnkle").minus(above.point("nearKnee"));
        assertThat(Math.hypot(seen.x(), seen.y())).as("from above").isGreaterThan(Body.SHIN * 0.9);
        // Across the front of the body: the foot ends on the far side of the knee.
        assertThat(above.point("nearAnkle").y()).isGreaterThan(above.point("nearKnee").y() + 20);
    }

    @Test
    void the_clam_lies_on_its_side_on_the_mat_with_bent_knees_in_front_and_the_top_knee_rising() {
        Figure clam = LIBRARY.find("side-lying-clam").orElseThrow();
        Body start = View.LYING_ON_SIDE.project(clam.bodies().getFirst());
        Body end = View.LYING_ON_SIDE.project(clam.bodies().getLast());
        // Bent hips show: the lower knee sits in front of (below) its hip on the page, not behind it
        // as a straight-looking leg pointing at the viewer (which read as lying face down).
        assertThat(start.point("farKnee").y()).isLessThan(start.point("farHip").y() - 12);
        // The shin comes back, so the foot is nearer the body line than the knee.
        assertThat(start.point("farAnkle").y()).isGreaterThan(start.point("farKnee").y() + 8);
        // The head rests on the lower arm, which reaches past it along the mat.
        double headward = Math.signum(start.point("head").x() - start.point("hip").x());
        assertThat((start.point("farHand").x() - start.point("head").x()) * headward).isGreaterThan(10);
        // The clam opens: the top knee rises well above the lower one while the feet stay together.
        assertThat(end.point("nearKnee").y() - end.point("farKnee").y()).isGreaterThan(35);
        assertThat(end.point("nearAnkle").minus(end.point("farAnkle")).flatLength()).isLessThan(25);
        // The mat is seen from above under the whole body, not as a strip below the knees.
        List<Shape> panel = clam.viewPanels().getFirst();
        Bounds mat = Bounds.of(panel.getFirst());
        Bounds body = Bounds.of(panel.stream().filter(sh -> sh.tone() == Tone.NEAR).toList());
        assertThat(panel.getFirst().tone()).isEqualTo(Tone.SURFACE);
        assertThat(mat.minY()).isLessThan(body.minY());
        assertThat(mat.maxY()).isGreaterThan(body.maxY());
    }

    @Test
    void the_chair_seat_is_under_the_bottom_and_stays_put_when_standing_up() {
        Figure figure = LIBRARY.find("sit-to-stand").orElseThrow();
        Body sitting = figure.bodies().getFirst();
        List<Shape> chair = Props.chair(sitting, false);
        Bounds seat = Bounds.of(chair.getFirst());
        assertThat(seat.maxY()).isCloseTo(sitting.low("bottom"), within(0.01));
        assertThat(seat.minX()).isLessThan(sitting.point("hip").x()).isGreaterThan(sitting.point("hip").x() - 20);
        assertThat(sitting.low("feet")).isCloseTo(0, within(FigureLibraryTest.TOLERANCE));
        // The same seat is drawn in the standing panel, and the feet have not moved.
        assertThat(figure.panels().getLast()).contains(chair.getFirst());
        assertThat(figure.bodies().getLast().point("nearAnkle").x()).isCloseTo(sitting.point("nearAnkle").x(), within(0.01));
    }

    @Test
    void the_step_is_under_the_heel_and_the_wall_touches_the_back() {
        Figure step = LIBRARY.find("standing-hamstring-stretch").orElseThrow();
        Body body = step.bodies().getFirst();
        double heel = body.low("nearHeel");
        assertThat(heel).as("the heel is up").isGreaterThan(10);
        assertThat(step.panels().getFirst()).anyMatch(s -> s.tone() == Tone.PROP
                && Math.abs(Bounds.of(s).maxY() - heel) < 0.01 && Bounds.of(s).minY() == 0);

        Figure wall = LIBRARY.find("wall-slide").orElseThrow();
        for (Body b : wall.bodies()) {
            double back = Math.min(b.point("hip").x() - Body.PELVIS_R, b.point("shoulder").x() - Body.CHEST_R);
            assertThat(back).as("back on the wall").isCloseTo(Props.wallX(specOf("wall-slide"), wall.bodies()),
                    within(3.0));
        }
    }

    @Test
    void a_twist_turns_the_shoulders_and_keeps_the_arms_their_length() {
        Body twisted = LIBRARY.find("chair-trunk-rotation").orElseThrow().bodies().getLast();
        Body above = View.ABOVE.project(twisted);
        Vec shoulders = above.point("nearShoulder").minus(above.point("farShoulder"));
        double turned = Math.toDegrees(Math.atan2(shoulders.x(), -shoulders.y()));
        assertThat(Math.abs(turned)).as("shoulder line turned from across the body").isBetween(40.0, 60.0);
    }

    private static FigureSpec specOf(String slug) {
        return FigureLibrary.specs().get(slug);
    }
}

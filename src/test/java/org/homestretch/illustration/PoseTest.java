package org.homestretch.illustration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoseTest {

    static Pose.Side side(double hip, double knee) {
        return new Pose.Side(hip, knee, 0, 0, 0, 0, 0, null);
    }

    @Test
    void a_knee_bent_backwards_is_refused_naming_the_knee() {
        assertThatThrownBy(() -> new Pose(180, 0, 0, side(45, -20), side(45, 100), List.of("back"), null, false))
                .isInstanceOf(PoseException.class)
                .hasMessageStartingWith("Near knee at -20° is out of range")
                .hasMessageContaining("a knee does not bend backwards");
    }

    @Test
    void each_joint_is_named_with_its_side() {
        assertThatThrownBy(() -> new Pose(180, 0, 0, side(0, 0), new Pose.Side(0, 0, 0, 0, 170, 0, 0, null),
                List.of(), null, false)).hasMessageStartingWith("Far elbow at 170°");
        assertThatThrownBy(() -> new Pose(180, 70, 0, side(0, 0), side(0, 0), List.of(), null, false))
                .hasMessageStartingWith("Lower back at 70°");
        assertThatThrownBy(() -> new Pose(180, 0, 0, side(0, 0), side(0, 0), List.of("elbows"), null, false))
                .hasMessageContaining("Unknown contact \"elbows\"");
    }

    @Test
    void a_figure_file_entry_with_a_bad_joint_is_refused_naming_the_joint() {
        FigureSpec.PoseSpec bad = new FigureSpec.PoseSpec(180.0, null, null, 200.0, null, null, null, null, null,
                null, null, null, null, List.of("back"), null, null, null, null);
        assertThatThrownBy(() -> Figure.of(new FigureSpec(Surface.MAT, null, List.of(bad), null)))
                .isInstanceOf(PoseException.class)
                .hasMessageStartingWith("Near hip at 200°");
    }

    @Test
    void contacts_that_would_turn_the_body_over_are_refused() {
        // Standing, with the head and the feet both asked to rest on the floor.
        Pose pose = new Pose(90, 0, 0, side(0, 0), side(0, 0), List.of("head", "feet"), null, false);
        assertThatThrownBy(() -> Body.place(pose)).isInstanceOf(PoseException.class)
                .hasMessageContaining("The head and the feet cannot both rest on the surface");
    }

    @Test
    void the_label_is_escaped_in_the_svg() {
        Figure figure = FigureLibrary.load().find("plank").orElseThrow();
        String svg = SvgWriter.write(figure.drawing(), "<script>alert(\"x\")</script> & co");
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    }
}

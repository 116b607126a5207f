package org.homestretch.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTextTest {

    @Test
    void refuses_control_characters_other_than_line_break_and_tab_and_half_emoji() {
        for (int c = 0; c < 0x20; c++) {
            boolean fine = c == '\n' || c == '\t';
            assertThat(UserText.check("a" + (char) c + "b")).as("U+%04X", c).matches(p -> p.isEmpty() == fine);
        }
        assertThat(UserText.check("a\u007fb")).isPresent();
        assertThat(UserText.check("a\u0085b")).isPresent();
        assertThat(UserText.check("a\u009fb")).isPresent();
        assertThat(UserText.check("half \ud83d")).isPresent();
        assertThat(UserText.check("ab\u0000")).hasValue(UserText.MESSAGE.formatted(3));
    }

    @Test
    void keeps_markup_emoji_right_to_left_marks_and_combining_letters() {
        assertThat(UserText.check("<script>alert(1)</script> ' OR 1=1 -- =SUM(A1) ${7*7}")).isEmpty();
        assertThat(UserText.check("👩‍👩‍👧‍👦 🇩🇪 e\u0301 \u202Eabc\u202C \u2066x\u2069 \u200B")).isEmpty();
    }

    @Test
    void trims_spaces_and_line_breaks_but_never_a_control_character() {
        assertThat(UserText.strip("  Maria \n")).isEqualTo("Maria");
        assertThat(UserText.strip("\u001fMaria\r")).isEqualTo("\u001fMaria\r");
        assertThat(UserText.strip(null)).isEmpty();
        assertThat(UserText.searchable(" Ma\u0000ria ")).isEqualTo("Maria");
    }
}

package org.homestretch.base;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReferenceFormatTest {

    @Test
    void a_reference_is_eight_letters_and_digits_that_cannot_be_misread() {
        for (int i = 0; i < 200; i++) {
            assertThat(ErrorReference.next()).matches("[a-hjkmnp-z2-9]{8}");
        }
    }

    @Test
    void the_log_text_names_each_type_and_place_but_never_a_message() {
        Exception error = new IllegalStateException("Could not save Maria Gonzalez",
                new SQLException("Failing row contains (maria@example.org, 555 0100)"));

        String text = ErrorReference.describe(error);

        assertThat(text).startsWith("java.lang.IllegalStateException at org.homestretch.base.ErrorReferenceFormatTest.")
                .contains(" <- caused by java.sql.SQLException at org.homestretch.base.ErrorReferenceFormatTest.")
                .doesNotContain("Maria", "maria@example.org", "555");
    }
}

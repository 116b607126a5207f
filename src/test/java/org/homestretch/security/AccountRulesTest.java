package org.homestretch.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRulesTest {

    @Test
    void accepts_a_twelve_character_password_and_refuses_eleven() {
        assertThat(AccountRules.checkPassword("abcdefghijkl")).isEmpty();
        assertThat(AccountRules.checkPassword("abcdefghijk")).get().asString().contains("at least 12");
    }

    @Test
    void counts_accented_letters_as_one_character_each() {
        assertThat(AccountRules.checkPassword("éééééééééééé")).isEmpty();
    }

    @Test
    void refuses_a_password_bcrypt_would_silently_cut() {
        assertThat(AccountRules.checkPassword("a".repeat(72))).isEmpty();
        assertThat(AccountRules.checkPassword("a".repeat(73))).get().asString().contains("at most 72");
        // 37 two-byte letters are 74 bytes.
        assertThat(AccountRules.checkPassword("é".repeat(37))).isPresent();
    }

    @Test
    void refuses_a_password_of_spaces() {
        assertThat(AccountRules.checkPassword(" ".repeat(14))).isPresent();
    }

    @Test
    void checks_the_form_of_an_email() {
        assertThat(AccountRules.checkEmail("ana@clinic.org")).isEmpty();
        assertThat(AccountRules.checkEmail("ana@clinic")).isPresent();
        assertThat(AccountRules.checkEmail("ana clinic.org")).isPresent();
        assertThat(AccountRules.checkEmail("  ")).get().asString().isEqualTo("Enter an email address.");
    }

    @Test
    void names_are_required_and_limited() {
        assertThat(AccountRules.checkName("  ", "clinic name")).get().asString().isEqualTo("Enter the clinic name.");
        assertThat(AccountRules.checkName("x".repeat(120), "name")).isEmpty();
        assertThat(AccountRules.checkName("x".repeat(121), "name")).isPresent();
    }

    @Test
    void emails_are_compared_without_case_or_surrounding_spaces() {
        assertThat(AccountRules.normaliseEmail("  Ana.Lopez@Clinic.ORG ")).isEqualTo("ana.lopez@clinic.org");
    }
}

package org.homestretch.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRulesTest {

    @Test
    void accepts_a_twelve_character_password_and_refuses_eleven() {
        assertThat(AccountRules.checkPassword("maple kettle")).isEmpty();
        assertThat(AccountRules.checkPassword("maple kettl")).get().asString().contains("at least 12");
    }

    @Test
    void counts_accented_letters_as_one_character_each() {
        assertThat(AccountRules.checkPassword("çàéîõüñøåßæœ")).isEmpty();
    }

    @Test
    void refuses_a_password_bcrypt_would_silently_cut() {
        String seventyTwo = "harbor lantern quilt violin marble harbor lantern quilt violin marble xx";
        assertThat(seventyTwo).hasSize(72);
        assertThat(AccountRules.checkPassword(seventyTwo)).isEmpty();
        assertThat(AccountRules.checkPassword(seventyTwo + "x")).get().asString().contains("at most 72");
        // 37 two-byte letters are 74 bytes.
        assertThat(AccountRules.checkPassword("é".repeat(37))).isPresent();
    }

    @Test
    void refuses_a_password_of_spaces() {
        assertThat(AccountRules.checkPassword(" ".repeat(14))).isPresent();
    }

    @Test
    void refuses_long_but_easily_guessed_passwords_saying_why_in_plain_words() {
        assertThat(AccountRules.checkPassword("password1234")).get().asString()
                .startsWith("This password is too easy to guess.").contains("very common password");
        assertThat(AccountRules.checkPassword("aaaaaaaaaaaa")).get().asString()
                .startsWith("This password is too easy to guess.").contains("one character repeated");
        assertThat(AccountRules.checkPassword("123456789012")).get().asString()
                .startsWith("This password is too easy to guess.").contains("commonly used password");
        assertThat(AccountRules.checkPassword("abcdefghijkl")).get().asString().contains("Sequences like abc");
        assertThat(AccountRules.checkPassword("qwertyuiop12")).isPresent();
        assertThat(AccountRules.checkPassword("éééééééééééé")).isPresent();
        // Every refusal says what to do instead.
        assertThat(AccountRules.checkPassword("password1234")).get().asString()
                .endsWith("Try three or four words that don't belong together.");
    }

    @Test
    void refuses_a_password_made_of_the_accounts_own_name_and_email() {
        String password = "theo therapist 2026";
        assertThat(AccountRules.checkPassword(password)).isEmpty();
        assertThat(AccountRules.checkPassword(password, List.of("theo.therapist@example.org", "Theo Therapist")))
                .get().asString().contains("It contains your name or email.");
    }

    @Test
    void accepts_the_passwords_people_are_told_to_choose_a_few_unrelated_words() {
        assertThat(AccountRules.checkPassword("heron lantern quilt")).isEmpty();
        assertThat(AccountRules.checkPassword("stretch-demo-2026", List.of("therapist@demo.homestretch.org", "Sam Patel")))
                .isEmpty();
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

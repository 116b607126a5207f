package org.homestretch.checkin;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessKeysTest {

    final AccessKeys keys = new AccessKeys(AccessKeys.randomBytes(32));

    @Test
    void the_same_nonce_gives_the_same_link_and_code_so_a_reprint_matches_the_first_print() {
        byte[] nonce = AccessKeys.randomBytes(32);
        assertThat(keys.token(nonce)).isEqualTo(keys.token(nonce)).matches("[A-Za-z0-9_-]{43}");
        assertThat(keys.code(nonce)).isEqualTo(keys.code(nonce));
    }

    @Test
    void another_key_gives_other_links_and_codes_from_the_same_nonce() {
        byte[] nonce = AccessKeys.randomBytes(32);
        AccessKeys other = new AccessKeys(AccessKeys.randomBytes(32));
        assertThat(other.token(nonce)).isNotEqualTo(keys.token(nonce));
        assertThat(other.code(nonce)).isNotEqualTo(keys.code(nonce));
    }

    @Test
    void codes_use_only_characters_that_cannot_be_misread_and_spread_over_all_of_them() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = keys.code(AccessKeys.randomBytes(32));
            assertThat(code).hasSize(8).doesNotContain("0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B");
            code.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(AccessKeys.CODE_ALPHABET.length());
        assertThat(AccessKeys.display("ACDE3467")).isEqualTo("ACDE-3467");
    }

    @Test
    void typed_codes_are_read_in_any_case_with_spaces_and_dashes() {
        assertThat(AccessKeys.normalise(" acde-3467 ")).isEqualTo("ACDE3467");
        assertThat(AccessKeys.normalise("ACDE 3467")).isEqualTo("ACDE3467");
        assertThat(AccessKeys.normalise("ACDE-346")).isEmpty();
        assertThat(AccessKeys.normalise("ABCD-EFGH")).as("B is never used").isEmpty();
        assertThat(AccessKeys.looksLikeACode("ABCD-EFGH")).isTrue();
        assertThat(AccessKeys.looksLikeACode("hello")).isFalse();
        assertThat(AccessKeys.normalise(null)).isEmpty();
    }

    @Test
    void the_code_hash_depends_on_the_key() {
        AccessKeys other = new AccessKeys(AccessKeys.randomBytes(32));
        assertThat(keys.codeHash("ACDE3467")).hasSize(32).isNotEqualTo(other.codeHash("ACDE3467"));
    }
}

package org.homestretch.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpCodesTest {

    // The SHA-1 secret of RFC 6238's test vectors (Appendix B), in Base32 as apps take it.
    private static final String RFC_SECRET = TotpCodes.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void makes_the_codes_of_rfc_6238_appendix_b() {
        // The RFC lists 8 digits; authenticator apps show the last 6.
        assertThat(TotpCodes.codeFor(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(TotpCodes.codeFor(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(TotpCodes.codeFor(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void accepts_a_code_one_step_early_or_late_but_not_two_and_never_the_same_step_twice() {
        Instant now = Instant.ofEpochSecond(1111111109);
        long step = TotpCodes.stepAt(now);

        assertThat(TotpCodes.matchingStep(RFC_SECRET, "081804", now, 0)).hasValue(step);
        assertThat(TotpCodes.matchingStep(RFC_SECRET, "081 804", now, 0)).hasValue(step);
        assertThat(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step - 1), now, 0)).hasValue(step - 1);
        assertThat(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step + 1), now, 0)).hasValue(step + 1);
        assertThat(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step - 2), now, 0)).isEmpty();
        assertThat(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step + 2), now, 0)).isEmpty();
        // Used once: the same code, or an older one, is refused.
        assertThat(TotpCodes.matchingStep(RFC_SECRET, "081804", now, step)).isEmpty();
        assertThat(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step - 1), now, step)).isEmpty();
        assertThat(TotpCodes.matchingStep(RFC_SECRET, "81804", now, 0)).isEmpty();
        assertThat(TotpCodes.matchingStep(RFC_SECRET, "abcdef", now, 0)).isEmpty();
        assertThat(TotpCodes.matchingStep(RFC_SECRET, null, now, 0)).isEmpty();
    }

    @Test
    void a_new_secret_is_160_random_bits_in_base32_and_decodes_back() {
        String secret = TotpCodes.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(TotpCodes.decode(secret)).hasSize(20);
        assertThat(TotpCodes.encode(TotpCodes.decode(secret))).isEqualTo(secret);
        assertThat(TotpCodes.newSecret()).isNotEqualTo(secret);
        assertThat(TotpCodes.grouped("ABCDEFGHIJKL")).isEqualTo("ABCD EFGH IJKL");
    }

    @Test
    void the_qr_code_holds_an_otpauth_address_apps_understand() {
        assertThat(TotpCodes.otpauthUri("HomeStretch", "ana@clinic.org", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/HomeStretch:ana%40clinic.org?secret=JBSWY3DPEHPK3PXP&issuer=HomeStretch"
                        + "&algorithm=SHA1&digits=6&period=30");
        assertThat(QrCodeImage.svg("otpauth://totp/HomeStretch:ana%40clinic.org?secret=JBSWY3DPEHPK3PXP"))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").contains("<path");
    }

    @Test
    void recovery_codes_are_ten_different_codes_read_back_whatever_way_they_are_typed() {
        var codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}"));
        assertThat(RecoveryCodes.normalise("7HQ2 M9XD K4RA")).hasValue("7hq2m9xdk4ra");
        assertThat(RecoveryCodes.normalise("oil0-1111-2222")).hasValue("011011112222");
        assertThat(RecoveryCodes.normalise("123456")).isEmpty();
        assertThat(RecoveryCodes.normalise("7hq2-m9xd-k4r")).isEmpty();
    }
}

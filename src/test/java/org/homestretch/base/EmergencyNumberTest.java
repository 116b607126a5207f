package org.homestretch.base;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class EmergencyNumberTest {

    @Test
    void each_country_gets_its_own_emergency_number() {
        assertThat(EmergencyNumber.of(Locale.forLanguageTag("en-GB"))).isEqualTo("999");
        assertThat(EmergencyNumber.of(Locale.forLanguageTag("en-US"))).isEqualTo("911");
        assertThat(EmergencyNumber.of(Locale.forLanguageTag("en-CA"))).isEqualTo("911");
        assertThat(EmergencyNumber.of(Locale.forLanguageTag("en-AU"))).isEqualTo("000");
        assertThat(EmergencyNumber.of(Locale.forLanguageTag("en-NZ"))).isEqualTo("111");
    }

    @Test
    void european_and_unlisted_countries_get_112() {
        assertThat(EmergencyNumber.of(Locale.forLanguageTag("de-AT"))).isEqualTo("112");
        assertThat(EmergencyNumber.of(Locale.forLanguageTag("en-IE"))).isEqualTo("112");
        assertThat(EmergencyNumber.of(Locale.forLanguageTag("en-IN"))).isEqualTo("112");
        assertThat(EmergencyNumber.of(Locale.ENGLISH)).isEqualTo("112");
        assertThat(EmergencyNumber.of(null)).isEqualTo("112");
    }

    @Test
    void every_country_a_clinic_can_choose_has_a_number() {
        for (DateStyle style : DateStyle.choices()) {
            assertThat(EmergencyNumber.of(style.locale())).as(style.country()).matches("\\d{3}");
        }
    }
}

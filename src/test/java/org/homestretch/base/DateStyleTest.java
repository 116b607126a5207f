package org.homestretch.base;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DateStyleTest {

    private static final LocalDate PI_DAY = LocalDate.of(1948, 3, 14);
    private static final DateStyle UK = DateStyle.find(Locale.forLanguageTag("en-GB")).orElseThrow();
    private static final DateStyle US = DateStyle.find(Locale.forLanguageTag("en-US")).orElseThrow();
    private static final DateStyle GERMANY = DateStyle.find(Locale.forLanguageTag("de-DE")).orElseThrow();
    private static final DateStyle SWEDEN = DateStyle.find(Locale.forLanguageTag("sv-SE")).orElseThrow();

    @Test
    void reads_dates_in_the_clinics_order_with_or_without_leading_zeros() {
        assertThat(UK.parse("14/03/1948")).contains(PI_DAY);
        assertThat(UK.parse("14/3/1948")).contains(PI_DAY);
        assertThat(UK.parse(" 14.03.1948 ")).contains(PI_DAY);
        assertThat(US.parse("3/14/1948")).contains(PI_DAY);
        assertThat(US.parse("03/14/1948")).contains(PI_DAY);
        assertThat(GERMANY.parse("14.03.1948")).contains(PI_DAY);
        assertThat(SWEDEN.parse("1948-03-14")).contains(PI_DAY);
    }

    @Test
    void reads_year_first_iso_dates_in_every_style() {
        for (DateStyle style : DateStyle.choices()) {
            assertThat(style.parse("1948-03-14")).as(style.tag()).contains(PI_DAY);
        }
    }

    @Test
    void refuses_what_is_not_a_date_in_the_clinics_order() {
        assertThat(UK.parse("3/14/1948")).isEmpty();          // there is no 14th month
        assertThat(US.parse("14/03/1948")).isEmpty();
        assertThat(UK.parse("31/02/1948")).isEmpty();
        assertThat(UK.parse("14/03/48")).isEmpty();            // 1948 or 2048?
        assertThat(UK.parse("14th March 1948")).isEmpty();
        assertThat(UK.parse("")).isEmpty();
        assertThat(UK.parse(null)).isEmpty();
        assertThat(SWEDEN.parse("14-03-1948")).isEmpty();
    }

    @Test
    void says_how_to_type_a_date_with_an_example() {
        assertThat(UK.unreadable()).isEqualTo("Enter the date as DD/MM/YYYY, for example 14/03/1948.");
        assertThat(US.unreadable()).isEqualTo("Enter the date as MM/DD/YYYY, for example 03/14/1948.");
        assertThat(GERMANY.label()).isEqualTo("Germany: 14.03.1948");
        assertThat(SWEDEN.hint()).isEqualTo("YYYY-MM-DD");
    }

    @Test
    void shows_dates_in_the_clinics_order_in_english() {
        assertThat(UK.longDate(PI_DAY)).isEqualTo("14 March 1948");
        assertThat(US.longDate(PI_DAY)).isEqualTo("March 14, 1948");
        assertThat(GERMANY.longDate(PI_DAY)).isEqualTo("14 March 1948");
        assertThat(UK.mediumDate(PI_DAY)).isEqualTo("14 Mar 1948");
        assertThat(US.mediumDate(PI_DAY)).isEqualTo("Mar 14, 1948");
        assertThat(GERMANY.shortDate(PI_DAY)).isEqualTo("14.03.1948");
    }

    @Test
    void a_new_clinic_follows_the_browser_and_falls_back_to_the_uk() {
        assertThat(DateStyle.forBrowser(Locale.forLanguageTag("en-US"))).isEqualTo(US);
        assertThat(DateStyle.forBrowser(Locale.forLanguageTag("de-DE"))).isEqualTo(GERMANY);
        assertThat(DateStyle.forBrowser(Locale.forLanguageTag("de"))).isEqualTo(GERMANY);
        assertThat(DateStyle.forBrowser(Locale.forLanguageTag("fr-BE")).tag()).isEqualTo("fr-FR");
        assertThat(DateStyle.forBrowser(Locale.forLanguageTag("en"))).isEqualTo(UK);
        assertThat(DateStyle.forBrowser(Locale.forLanguageTag("en-JM"))).isEqualTo(UK);
        assertThat(DateStyle.forBrowser(Locale.forLanguageTag("ja-JP"))).isEqualTo(UK);
        assertThat(DateStyle.forBrowser(null)).isEqualTo(UK);
        assertThat(DateStyle.of(Locale.forLanguageTag("xx-YY"))).isEqualTo(DateStyle.DEFAULT);
    }

    @Test
    void weeks_start_where_the_clinics_calendar_starts_them() {
        assertThat(UK.firstDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(US.firstDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void every_listed_style_reads_back_what_it_shows() {
        for (DateStyle style : DateStyle.choices()) {
            assertThat(style.parse(style.shortDate(PI_DAY))).as(style.tag()).contains(PI_DAY);
            assertThat(DateStyle.find(style.locale())).contains(style);
        }
    }
}

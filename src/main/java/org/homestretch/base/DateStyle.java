package org.homestretch.base;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.WeekFields;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a clinic writes dates, chosen in its settings by country: the order of day, month and year
 * that date fields accept and show. The app's words stay English, month names included; only the
 * order and the separators follow the country, so "03/04/1948" means the same to everyone there.
 *
 * @param locale  the BCP 47 tag stored for the clinic, such as en-GB
 * @param country what the settings page lists
 * @param pattern how a date is typed and shown, with a four-digit year
 */
public record DateStyle(Locale locale, String country, String pattern) {

    /** The style of a clinic whose browser's country is not in the list. */
    public static final DateStyle DEFAULT = new DateStyle(Locale.forLanguageTag("en-GB"), "United Kingdom", "dd/MM/yyyy");

    /** The date every example uses. */
    public static final LocalDate EXAMPLE = LocalDate.of(1948, 3, 14);

    private static final List<DateStyle> CHOICES = List.of(
            style("en-AU", "Australia", "dd/MM/yyyy"),
            style("de-AT", "Austria", "dd.MM.yyyy"),
            style("en-CA", "Canada", "yyyy-MM-dd"),
            style("da-DK", "Denmark", "dd.MM.yyyy"),
            style("fi-FI", "Finland", "dd.MM.yyyy"),
            style("fr-FR", "France", "dd/MM/yyyy"),
            style("de-DE", "Germany", "dd.MM.yyyy"),
            style("en-IN", "India", "dd/MM/yyyy"),
            style("en-IE", "Ireland", "dd/MM/yyyy"),
            style("it-IT", "Italy", "dd/MM/yyyy"),
            style("nl-NL", "Netherlands", "dd-MM-yyyy"),
            style("en-NZ", "New Zealand", "dd/MM/yyyy"),
            style("nb-NO", "Norway", "dd.MM.yyyy"),
            style("pl-PL", "Poland", "dd.MM.yyyy"),
            style("pt-PT", "Portugal", "dd/MM/yyyy"),
            style("en-ZA", "South Africa", "yyyy/MM/dd"),
            style("es-ES", "Spain", "dd/MM/yyyy"),
            style("sv-SE", "Sweden", "yyyy-MM-dd"),
            style("de-CH", "Switzerland", "dd.MM.yyyy"),
            DEFAULT,
            style("en-US", "United States", "MM/dd/yyyy"));

    // Three groups of digits with any of the usual separators: 14/03/1948, 14.3.1948, 1948-03-14.
    private static final Pattern NUMBERS =
            Pattern.compile("^(\\d{1,4})\\s*[./\\-\\s]\\s*(\\d{1,2})\\s*[./\\-\\s]\\s*(\\d{1,4})$");

    public DateStyle {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** The countries an admin can choose from, by name. */
    public static List<DateStyle> choices() {
        return CHOICES.stream().sorted(Comparator.comparing(DateStyle::country)).toList();
    }

    /** The listed style for exactly this tag, if there is one. */
    public static Optional<DateStyle> find(Locale locale) {
        return locale == null ? Optional.empty()
                : CHOICES.stream().filter(s -> s.tag().equalsIgnoreCase(locale.toLanguageTag())).findFirst();
    }

    /** The clinic's style; a tag no longer listed falls back to the default rather than failing a page. */
    public static DateStyle of(Locale locale) {
        return find(locale).orElse(DEFAULT);
    }

    /**
     * A new clinic's style from its first admin's browser: the same country, else the main country
     * of the same language (fr-BE writes dates as fr-FR does), else the default.
     */
    public static DateStyle forBrowser(Locale browser) {
        if (browser == null || browser.getLanguage().isEmpty()) {
            return DEFAULT;
        }
        Optional<DateStyle> exact = find(browser);
        if (exact.isPresent()) {
            return exact.get();
        }
        String language = browser.getLanguage();
        if ("en".equals(language)) {
            return DEFAULT;
        }
        List<DateStyle> sameLanguage = CHOICES.stream().filter(s -> s.locale.getLanguage().equals(language)).toList();
        return sameLanguage.stream()
                .filter(s -> s.locale.getCountry().equalsIgnoreCase(language))
                .findFirst()
                .or(() -> sameLanguage.stream().findFirst())
                .orElse(DEFAULT);
    }

    public String tag() {
        return locale.toLanguageTag();
    }

    /** The pattern as people read it: DD/MM/YYYY. */
    public String hint() {
        return pattern.toUpperCase(Locale.ROOT);
    }

    /** 14/03/1948 in this style. */
    public String example() {
        return shortDate(EXAMPLE);
    }

    /** What the settings page lists: "United Kingdom: 14/03/1948". */
    public String label() {
        return country + ": " + example();
    }

    /** The message next to a date field whose text could not be read as a date. */
    public String unreadable() {
        return "Enter the date as " + hint() + ", for example " + example() + ".";
    }

    public DayOfWeek firstDayOfWeek() {
        return WeekFields.of(locale).getFirstDayOfWeek();
    }

    /**
     * Reads a typed date in this style's order, with any of the usual separators and with or
     * without leading zeros; a date that starts with a four-digit year is read as year, month,
     * day (1948-03-14) in every style. Two-digit years are refused: "48" could be 1948 or 2048.
     */
    public Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NUMBERS.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String first = m.group(1);
        String second = m.group(2);
        String third = m.group(3);
        String year;
        String month;
        String day;
        if (first.length() == 4) {
            year = first;
            month = second;
            day = third;
        } else if (yearFirst()) {
            return Optional.empty();
        } else if (monthFirst()) {
            month = first;
            day = second;
            year = third;
        } else {
            day = first;
            month = second;
            year = third;
        }
        if (year.length() != 4 || day.length() > 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** 14/03/1948: as typed. */
    public String shortDate(LocalDate date) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(date);
    }

    /** 14 Mar 1948, or Mar 14, 1948 where the month comes first: for lists. */
    public String mediumDate(LocalDate date) {
        return DateTimeFormatter.ofPattern(monthFirst() ? "MMM d, yyyy" : "d MMM yyyy", Locale.ENGLISH).format(date);
    }

    /** 14 March 1948, or March 14, 1948 where the month comes first: for a record page. */
    public String longDate(LocalDate date) {
        return DateTimeFormatter.ofPattern(monthFirst() ? "MMMM d, yyyy" : "d MMMM yyyy", Locale.ENGLISH).format(date);
    }

    private boolean monthFirst() {
        return pattern.startsWith("M");
    }

    private boolean yearFirst() {
        return pattern.startsWith("y");
    }

    private static DateStyle style(String tag, String country, String pattern) {
        return new DateStyle(Locale.forLanguageTag(tag), country, pattern);
    }
}

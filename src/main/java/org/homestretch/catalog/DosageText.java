package org.homestretch.catalog;

/**
 * Dosage as plain sentences a patient can follow: "Hold for 30 seconds. Do this 3 times on
 * each side. Twice a day." Handouts and the patient page reuse it.
 */
public final class DosageText {

    private DosageText() {
    }

    public static String sentence(Dosage d) {
        StringBuilder text = new StringBuilder();
        if (d.timed()) {
            // A walk is measured in minutes: "Keep going for 20 minutes." never "Do this once."
            text.append("Keep going for ").append(d.minutes() == 1 ? "1 minute" : d.minutes() + " minutes").append('.');
            return days(text.append(' ').append(perDay(d.timesPerDay())), d);
        }
        if (d.holdSeconds() > 0) {
            text.append("Hold for ").append(seconds(d.holdSeconds())).append(". ");
        }
        text.append("Do this ").append(times(d.repetitions()));
        switch (d.sides()) {
            case EACH_SIDE -> text.append(" on each side");
            case ALTERNATE -> text.append(", switching sides each time");
            case BOTH_TOGETHER, NONE -> { }
        }
        text.append('.');
        if (d.sets() > 1) {
            text.append(" Repeat this ").append(times(d.sets())).append(", with a short rest between.");
        }
        text.append(' ').append(perDay(d.timesPerDay()));
        return days(text, d);
    }

    private static String days(StringBuilder text, Dosage d) {
        if (d.daysPerWeek() < 7) {
            text.append(' ').append(d.daysPerWeek() == 1 ? "One day" : capitalise(number(d.daysPerWeek())) + " days")
                    .append(" a week.");
        } else {
            text.append(" Every day.");
        }
        return text.toString();
    }

    static String seconds(int s) {
        if (s >= 60 && s % 60 == 0) {
            int minutes = s / 60;
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return s == 1 ? "1 second" : s + " seconds";
    }

    static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    static String perDay(int n) {
        return switch (n) {
            case 1 -> "Once a day.";
            case 2 -> "Twice a day.";
            default -> capitalise(number(n)) + " times a day.";
        };
    }

    private static String number(int n) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven"};
        return n < words.length ? words[n] : Integer.toString(n);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

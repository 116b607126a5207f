package org.homestretch.adherence;

import java.time.LocalDate;

/**
 * What one program version asks for, from the clinic-local day it was published on. The most
 * frequent exercise sets the pace: {@code sessionsPerWeek} is the largest times-per-day ×
 * days-per-week of its items, {@code sessionsPerDay} the largest times per day.
 */
record Prescription(int versionNumber, LocalDate starts, int sessionsPerWeek, int sessionsPerDay) {

    Prescription {
        if (sessionsPerWeek < 1 || sessionsPerDay < 1 || sessionsPerDay * 7 < sessionsPerWeek) {
            throw new IllegalArgumentException("Not a prescription: " + sessionsPerWeek + "/week, "
                    + sessionsPerDay + "/day");
        }
    }

    /** Sessions expected on an ordinary day: a fraction when the program asks for fewer than 7 days a week. */
    double perDay() {
        return sessionsPerWeek / 7.0;
    }

    /** "twice a day", or "5 sessions a week" when the program asks for fewer than 7 days. */
    String text() {
        if (sessionsPerWeek == sessionsPerDay * 7) {
            return switch (sessionsPerDay) {
                case 1 -> "once a day";
                case 2 -> "twice a day";
                default -> sessionsPerDay + " times a day";
            };
        }
        return sessionsPerWeek + " sessions a week";
    }
}

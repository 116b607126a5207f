package org.homestretch.adherence;

import org.homestretch.checkin.Symptom;

import java.util.Arrays;

/** Plain words for what the check-in records as codes. */
final class SkipReasons {

    private SkipReasons() {
    }

    static String label(String skipReason) {
        return switch (skipReason == null ? "" : skipReason) {
            case "NO_TIME" -> "No time";
            case "FORGOT" -> "Forgot";
            case "PAIN" -> "Pain";
            case "NOT_SURE_HOW" -> "Not sure how";
            case "OTHER" -> "Other reason";
            default -> "Not given";
        };
    }

    static String symptom(String code) {
        return switch (code) {
            case "NUMBNESS_TINGLING" -> "Numbness or tingling";
            case "PAIN_DOWN_LEG" -> "Pain down the leg";
            case "SHARP_PAIN" -> "Sharp pain";
            case "NEW_WEAKNESS" -> "New weakness";
            default -> Arrays.stream(Symptom.values()).filter(s -> s.name().equals(code)).findFirst()
                    .map(Symptom::label).orElse(code);
        };
    }
}

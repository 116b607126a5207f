package org.homestretch.adherence;

import com.vaadin.flow.component.html.Span;
import org.homestretch.checkin.Symptom;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One badge per reason a patient is flagged for, with its figure; a reviewed reason shows who looked and when. */
final class Badges {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private Badges() {
    }

    static List<Span> of(Attention a, java.time.ZoneId zone) {
        List<Span> badges = new ArrayList<>();
        for (Reason reason : Reason.values()) {
            if (!a.reasons().contains(reason)) {
                continue;
            }
            boolean emergency = reason == Reason.RED_FLAG && emergency(a);
            Span badge = new Span((emergency ? "\u26a0 Emergency sign: " : reason == Reason.RED_FLAG ? "\u26a0 " : "")
                    + text(a, reason));
            badge.addClassNames("hs-flag", "hs-flag-" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (emergency) {
                badge.addClassName("hs-flag-emergency");
            }
            a.review(reason).ifPresent(review -> {
                badge.addClassName("hs-flag-reviewed");
                badge.setText("\u2713 " + badge.getText() + " \u00b7 reviewed by " + review.reviewer() + ", "
                        + WHEN.format(review.at().atZone(zone)));
            });
            badges.add(badge);
        }
        return badges;
    }

    /** Any sign of the last 7 days in the emergency tier. */
    static boolean emergency(Attention a) {
        return a.redFlags().stream().anyMatch(code -> Arrays.stream(Symptom.values())
                .anyMatch(s -> s.name().equals(code) && s.tier() == Symptom.Tier.EMERGENCY));
    }

    /** The reason with its figure: "Pain 8/10", "No check-in for 5 days", "36 % this week". */
    static String text(Attention a, Reason reason) {
        return switch (reason) {
            case RED_FLAG -> a.redFlags().stream().map(SkipReasons::symptom).collect(Collectors.joining(", "))
                    + " \u00b7 " + ago(a.redFlagDaysAgo() == null ? 0 : a.redFlagDaysAgo());
            case PAIN -> painText(a);
            case NO_CHECKIN -> a.lastCheckin() == null ? "No check-in yet (" + a.quietDays() + " days)"
                    : "No check-in for " + a.quietDays() + " days";
            case LOW_ADHERENCE -> a.week().percentText() + " this week";
        };
    }

    private static String painText(Attention a) {
        boolean high = a.maxPain() != null && a.maxPain() >= Reason.PAIN_HIGH;
        String rise = a.painRise().filter(r -> r >= Reason.PAIN_RISE)
                .map(r -> "pain rising " + PainChart.oneDecimal(a.painBefore()) + " \u2192 "
                        + PainChart.oneDecimal(a.painNow())).orElse("");
        if (high && !rise.isEmpty()) {
            return "Pain " + a.maxPain() + "/10, " + rise;
        }
        return high ? "Pain " + a.maxPain() + "/10" : Character.toUpperCase(rise.charAt(0)) + rise.substring(1);
    }

    static String ago(int days) {
        return days == 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
    }
}

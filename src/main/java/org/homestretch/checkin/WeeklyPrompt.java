package org.homestretch.checkin;

import org.homestretch.outcome.WeeklyQuestion;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly outcome question as the phone page shows it ({@code templates/patient/weekly.html}):
 * pain now, then each PSFS activity the therapist recorded, each as 0–10 buttons, in plain
 * words. What to ask and when is {@link WeeklyQuestion}'s.
 */
@Component
class WeeklyPrompt {

    /** At most this many activities: the PSFS has 3 to 5. */
    static final int MAX_ACTIVITIES = 5;

    /** One question: field name, the words, the chosen number (null: none yet), a problem, the scale's two ends. */
    public record Question(String name, String text, Integer chosen, String error, String low, String high,
                           String label) {
        public boolean is(int n) {
            return chosen != null && chosen == n;
        }
    }

    /** {@code due} is the week's day, sent back with the answers so a stale page cannot answer a new week. */
    public record View(String due, List<Question> questions, String formError) {
    }

    private final WeeklyQuestion weekly;

    WeeklyPrompt(WeeklyQuestion weekly) {
        this.weekly = weekly;
    }

    /** Adds the question, if one is due, and the message after answering ({@code notice} from the address). */
    void show(PatientContext patient, String notice, Model model) {
        model.addAttribute("weeklyNotice", notice != null && List.of("saved", "later", "already").contains(notice)
                ? notice : "");
        Optional<WeeklyQuestion.Due> due = weekly.due(patient.clinicId(), patient.patientId(), patient.zone());
        model.addAttribute("weekly", due.map(d -> view(d.dueOn().toString(), d.activities(), Map.of(), Map.of(), ""))
                .orElse(null));
    }

    /** The question again, with what the patient chose and a problem next to each unanswered part. */
    static View view(String due, List<String> activities, Map<String, Integer> chosen, Map<String, String> errors,
                     String formError) {
        List<Question> questions = new ArrayList<>();
        questions.add(new Question("nprs", "How bad is your pain right now?", chosen.get("nprs"), errors.get("nprs"),
                "no pain", "worst pain", ""));
        for (int i = 0; i < activities.size() && i < MAX_ACTIVITIES; i++) {
            String name = "activity" + i;
            questions.add(new Question(name, "How well can you do " + inSentence(activities.get(i)) + " today?",
                    chosen.get(name), errors.get(name), "can't do it", "as well as before", activities.get(i)));
        }
        return new View(due, questions, formError);
    }

    /** "Putting on socks" reads "putting on socks" mid-sentence; "TV" and names stay as written. */
    static String inSentence(String activity) {
        if (activity.length() > 1 && Character.isUpperCase(activity.charAt(0))
                && Character.isLowerCase(activity.charAt(1))) {
            return activity.substring(0, 1).toLowerCase(Locale.ROOT) + activity.substring(1);
        }
        return activity;
    }
}

package org.homestretch.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The check-in form as posted by the phone, bound by Spring MVC. Kept as posted so that a
 * refused or failed save shows the page again with everything the patient entered.
 */
public class PatientPageForm {

    private String key;
    private String day;
    private String session = "1";
    private String outcome = "done";
    private List<String> ex = new ArrayList<>();
    private String pain;
    private String difficulty;
    private List<String> symptom = new ArrayList<>();
    private String reason;
    private String comment = "";

    static PatientPageForm fresh(LocalDate day, int session) {
        PatientPageForm form = new PatientPageForm();
        form.key = UUID.randomUUID().toString();
        form.day = day.toString();
        form.session = Integer.toString(session);
        return form;
    }

    /** Null fields for anything that does not parse; the service then names what is missing. */
    CheckinEntry toEntry() {
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        symptom.forEach(s -> parse(Symptom.class, s, symptoms));
        Set<Integer> ticked = new java.util.HashSet<>();
        ex.forEach(e -> ticked.add(number(e, -1)));
        Integer painValue = pain == null || pain.isBlank() ? null : number(pain, -1);
        return new CheckinEntry(uuid(key), date(day), number(session, 0), !"skip".equals(outcome), ticked, painValue,
                parse(Difficulty.class, difficulty), symptoms, "skip".equals(outcome) ? parse(SkipReason.class, reason) : null,
                // Browsers send a text box's line breaks as CR LF; the patient typed plain line breaks.
                comment.replace("\r\n", "\n"));
    }

    /** What does not parse becomes {@code otherwise}, which the service's checks then refuse. */
    static int number(String s, int otherwise) {
        try {
            return Integer.parseInt(s.strip());
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> void parse(Class<E> type, String value, Set<E> into) {
        E parsed = parse(type, value);
        if (parsed != null) {
            into.add(parsed);
        }
    }

    public boolean ticked(int position) {
        return ex.contains(Integer.toString(position));
    }

    public boolean painIs(int value) {
        return Integer.toString(value).equals(pain);
    }

    public boolean hasSymptom(String name) {
        return symptom.contains(name);
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public List<String> getEx() {
        return ex;
    }

    public void setEx(List<String> ex) {
        this.ex = ex == null ? new ArrayList<>() : ex;
    }

    public String getPain() {
        return pain;
    }

    public void setPain(String pain) {
        this.pain = pain;
    }

    public String getDifficulty() {
        return difficulty;
    }

    public void setDifficulty(String difficulty) {
        this.difficulty = difficulty;
    }

    public List<String> getSymptom() {
        return symptom;
    }

    public void setSymptom(List<String> symptom) {
        this.symptom = symptom == null ? new ArrayList<>() : symptom;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment == null ? "" : comment;
    }
}

package org.homestretch.patient;

import org.homestretch.base.FieldProblem;
import org.homestretch.base.PhoneNumbers;
import org.homestretch.base.UserText;
import org.homestretch.security.UserId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a therapist records about a patient; checked by {@link #problems(LocalDate)} before saving. */
public record PatientDetails(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String email,
        String phone,
        String handoutLanguage,
        UserId therapistId,
        String notes) {

    public static final int NAME_MAX = 80;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = PhoneNumbers.MAX_LENGTH;
    public static final int NOTES_MAX = 4000;
    public static final List<String> LANGUAGES = List.of("en");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");

    public PatientDetails {
        firstName = strip(firstName);
        lastName = strip(lastName);
        email = strip(email);
        phone = strip(phone);
        notes = UserText.strip(notes);
        handoutLanguage = handoutLanguage == null || handoutLanguage.isBlank() ? "en" : handoutLanguage;
    }

    private static String strip(String value) {
        return UserText.strip(value);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public List<FieldProblem> problems(LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        name(problems, "firstName", firstName, "first name");
        name(problems, "lastName", lastName, "last name");
        if (dateOfBirth != null && (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(today.minusYears(130)))) {
            problems.add(new FieldProblem("dateOfBirth", "Enter a date of birth in the past 130 years."));
        }
        if (!email.isEmpty() && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "Enter an email address like name@example.org, or leave it empty."));
        }
        PhoneNumbers.check(phone).ifPresent(message -> problems.add(new FieldProblem("phone", message)));
        if (!LANGUAGES.contains(handoutLanguage)) {
            problems.add(new FieldProblem("handoutLanguage", "Handouts are available in English for now."));
        }
        if (notes.length() > NOTES_MAX) {
            problems.add(new FieldProblem("notes", "Use at most " + NOTES_MAX + " characters."));
        }
        UserText.check(problems, "firstName", firstName);
        UserText.check(problems, "lastName", lastName);
        UserText.check(problems, "email", email);
        UserText.check(problems, "notes", notes);
        // Phone numbers allow only digits and separators, so the phone rule already refuses the rest.
        return problems;
    }

    private static void name(List<FieldProblem> problems, String field, String value, String label) {
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, "Enter the " + label + "."));
        } else if (value.length() > NAME_MAX) {
            problems.add(new FieldProblem(field, "Use at most " + NAME_MAX + " characters."));
        }
    }

    @Override
    public String toString() {
        return "PatientDetails[redacted]"; // patient data never goes to logs
    }
}

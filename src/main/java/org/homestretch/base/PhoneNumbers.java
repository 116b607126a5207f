package org.homestretch.base;

import java.util.Optional;
import java.util.regex.Pattern;

/** One rule for phone numbers typed by staff: patients' numbers and the clinic's own. */
public final class PhoneNumbers {

    public static final int MAX_LENGTH = 40;
    // Digits with the usual separators and an optional leading +; 6 to 20 digits in all.
    private static final Pattern FORM = Pattern.compile("^\\+?[0-9 ()./-]+$");

    private PhoneNumbers() {
    }

    /** Empty when the number is acceptable (or empty), else the message to show next to the field. */
    public static Optional<String> check(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String trimmed = phone.strip();
        long digits = trimmed.chars().filter(Character::isDigit).count();
        if (trimmed.length() > MAX_LENGTH || !FORM.matcher(trimmed).matches() || digits < 6 || digits > 20) {
            return Optional.of("Enter a phone number with 6 to 20 digits, like +44 20 7946 0018, or leave it empty.");
        }
        return Optional.empty();
    }
}

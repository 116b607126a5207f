package org.homestretch.security;

import org.homestretch.base.UserText;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for names, emails and passwords, shared by the forms (to show a message next to
 * the field) and the services (which check again, because a form can be bypassed).
 */
public final class AccountRules {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int CLINIC_NAME_MAX_LENGTH = 120;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int PASSWORD_MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    public static final int PASSWORD_MAX_BYTES = 72;

    // Deliberately simple: one @, no spaces, a dot in the domain. Delivery proves the rest.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");

    private AccountRules() {
    }

    public static Optional<String> checkName(String name, String what) {
        String trimmed = UserText.strip(name);
        if (trimmed.isEmpty()) {
            return Optional.of("Enter the " + what + ".");
        }
        if (trimmed.length() > NAME_MAX_LENGTH) {
            return Optional.of("Use at most " + NAME_MAX_LENGTH + " characters.");
        }
        return UserText.check(trimmed);
    }

    public static Optional<String> checkEmail(String email) {
        String trimmed = UserText.strip(email);
        if (trimmed.isEmpty()) {
            return Optional.of("Enter an email address.");
        }
        if (UserText.check(trimmed).isPresent()) {
            return UserText.check(trimmed);
        }
        if (trimmed.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(trimmed).matches()) {
            return Optional.of("Enter an email address like name@clinic.org.");
        }
        return Optional.empty();
    }

    /** Length and strength, for a form that does not know whose password it is yet. */
    public static Optional<String> checkPassword(String password) {
        return checkPassword(password, List.of());
    }

    /**
     * At least 12 characters, at most what bcrypt reads, and hard to guess (zxcvbn score 3 of 4).
     *
     * @param userInputs the account's email and name: a password made of them is easy to guess
     */
    public static Optional<String> checkPassword(String password, List<String> userInputs) {
        if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
            return Optional.of("Use at least " + PASSWORD_MIN_LENGTH + " characters. A few words together are easy to remember.");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            return Optional.of("Use at most " + PASSWORD_MAX_BYTES + " characters.");
        }
        if (password.isBlank()) {
            return Optional.of("A password cannot be only spaces.");
        }
        return PasswordStrength.check(password, userInputs);
    }

    /** Emails are compared and stored lower-case so that one person cannot hold two accounts. */
    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

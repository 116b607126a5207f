package org.homestretch.security;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How hard a password is to guess, by zxcvbn: it knows the common-password lists, words, names,
 * keyboard rows, repeats, sequences and dates, and the account's own name and email. A password
 * needs score 3 of 4 (about 10^8 guesses or more), which zxcvbn calls "safely unguessable" for an
 * online attack.
 */
final class PasswordStrength {

    static final int MIN_SCORE = 3;

    private PasswordStrength() {
    }

    /** The dictionaries load once (about a third of a second), on the first password checked. */
    private static final class Holder {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    /**
     * @param userInputs what people know about the account holder (email, name): a password
     *                   built from them is easy to guess for anyone who knows them
     */
    static Optional<String> check(String password, List<String> userInputs) {
        List<String> inputs = sanitise(userInputs);
        Strength strength = Holder.ZXCVBN.measure(password, inputs);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        return Optional.of("This password is too easy to guess. " + reason(password, strength)
                + " Try three or four words that don't belong together.");
    }

    private static String reason(String password, Strength strength) {
        if (strength.getSequence().stream().anyMatch(m -> "user_inputs".equals(m.dictionaryName))) {
            return "It contains your name or email.";
        }
        if (password.codePoints().distinct().count() == 1) {
            return "It is one character repeated.";
        }
        String warning = strength.getFeedback().getWarning(Locale.ROOT);
        if (warning != null && !warning.isBlank()) {
            return warning;
        }
        if (strength.getSequence().stream().allMatch(m -> m.pattern == Pattern.Dictionary)) {
            return "Common words alone are easy to guess.";
        }
        return "It follows a pattern that guessing programs try early.";
    }

    /** The email, its parts and each word of the name, lower-case: zxcvbn finds them inside a password. */
    private static List<String> sanitise(List<String> userInputs) {
        List<String> inputs = new ArrayList<>();
        for (String input : userInputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            String lower = input.strip().toLowerCase(Locale.ROOT);
            inputs.add(lower);
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    inputs.add(part);
                }
            }
        }
        return inputs.stream().distinct().toList();
    }
}

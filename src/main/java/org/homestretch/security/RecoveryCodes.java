package org.homestretch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One-time codes for signing in without the phone: ten at a time, each 12 characters (60 random
 * bits) such as {@code 7hq2-m9xd-k4ra}. Only a SHA-256 of each is stored; 60 random bits make
 * guessing one back from its hash impractical. Letters that look like digits are left out, and
 * read as those digits when typed.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int n = 0; n < COUNT; n++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The code as stored, whatever way it was typed; empty when it cannot be a recovery code. */
    static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('o', '0').replace('i', '1').replace('l', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    static byte[] hash(String normalised) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

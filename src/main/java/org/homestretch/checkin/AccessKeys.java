package org.homestretch.checkin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The secrets behind patient access. A link token and a short code are derived from a random
 * per-access nonce (stored in the database) and a key kept outside the database, so that a
 * handout printed next month shows the same QR code while a copy of the database alone reveals
 * neither. The database stores only a SHA-256 of the token and a keyed hash of the code.
 */
@Component
class AccessKeys {

    /** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read off paper by an older patient must not be misread. */
    static final String CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    static final int CODE_LENGTH = 8;

    private static final Logger log = LoggerFactory.getLogger(AccessKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    @Autowired
    AccessKeys(@Value("${homestretch.checkin.key-file}") Path keyFile,
               @Value("${homestretch.checkin.key:}") String keyBase64) {
        this.key = keyBase64.isBlank() ? loadOrCreate(keyFile) : decodeKey(keyBase64);
    }

    AccessKeys(byte[] key) {
        this.key = key.clone();
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** 256 bits, base64url without padding: 43 characters that survive any URL or QR code. */
    String token(byte[] nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("link-token", nonce));
    }

    /** The calendar feed's token: a purpose of its own, so it opens the reminder calendar and nothing else. */
    String calendarToken(byte[] nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("calendar-token", nonce));
    }

    /** Eight characters from {@link #CODE_ALPHABET}, unbiased (rejection sampling over the HMAC stream). */
    String code(byte[] nonce) {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        int round = 0;
        while (code.length() < CODE_LENGTH) {
            for (byte b : hmac("access-code-" + round++, nonce)) {
                int v = b & 0xff;
                // 250 = 10 × 25: values above would favour the first letters.
                if (v < 250 && code.length() < CODE_LENGTH) {
                    code.append(CODE_ALPHABET.charAt(v % CODE_ALPHABET.length()));
                }
            }
        }
        return code.toString();
    }

    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /**
     * What a patient typed, as a code: letters upper-cased, spaces and dashes dropped. Empty when
     * it cannot be a code, so it is rejected without a database lookup.
     */
    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-–.]", "");
        if (code.length() != CODE_LENGTH) {
            return "";
        }
        for (int i = 0; i < code.length(); i++) {
            if (CODE_ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "";
            }
        }
        return code;
    }

    /** Eight letters or digits once spaces and dashes are dropped, whatever the alphabet. */
    static boolean looksLikeACode(String typed) {
        return typed != null && typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-–.]", "").matches("[A-Z0-9]{8}");
    }

    static byte[] tokenHash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keyed, because a code has only about 37 bits: a plain hash could be reversed by trying them all. */
    byte[] codeHash(String normalisedCode) {
        return hmac("code-hash", normalisedCode.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sessionHash(String sessionId) {
        return tokenHash(sessionId);
    }

    private byte[] hmac(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] decoded = Base64.getDecoder().decode(base64.strip());
        if (decoded.length < 32) {
            throw new IllegalStateException("homestretch.checkin.key must be at least 32 bytes, base64-encoded");
        }
        return decoded;
    }

    /** Created once with owner-only permissions; every later start reads the same key. */
    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file));
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "access", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's own permissions have to do.
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(randomBytes(32)), StandardOpenOption.SYNC);
            try {
                Files.move(temp, file);
                log.info("Created the patient access key in {}; keep it with the database backups", file);
            } catch (FileAlreadyExistsException raced) {
                Files.delete(temp);
            }
            return decodeKey(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the patient access key " + file, e);
        }
    }
}

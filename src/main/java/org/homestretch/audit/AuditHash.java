package org.homestretch.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The hash of an entry: SHA-256 over a canonical encoding of its content followed by the
 * previous entry's hash. Every field is written with its length or a presence byte, so two
 * different entries can never encode to the same bytes ("ab"+"c" vs "a"+"bc").
 */
final class AuditHash {

    static final int LENGTH = 32;
    /** The previous hash of a clinic's first entry. */
    static final byte[] GENESIS = new byte[LENGTH];
    private static final byte FORMAT = 1;

    private AuditHash() {
    }

    /** PostgreSQL keeps microseconds; the hash must cover exactly what is stored. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] of(AuditEntry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            uuid(out, e.clinicId());
            out.writeLong(e.sequence());
            Instant at = storable(e.occurredAt());
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
            uuid(out, e.actorId());
            text(out, e.actorKind().name());
            text(out, e.action());
            uuid(out, e.patientId());
            text(out, e.detail());
            text(out, e.clientAddress());
            out.write(e.previousHash());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeBoolean(id != null);
        if (id != null) {
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }
}

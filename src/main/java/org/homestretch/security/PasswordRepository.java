package org.homestretch.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for password hashes and one-time reset links. */
@Repository
class PasswordRepository {

    /** The account a password belongs to: who it is (for the strength check) and the hash. */
    record PasswordOwner(UserId userId, ClinicId clinicId, String email, String displayName, boolean enabled,
                         String passwordHash) {

        @Override
        public String toString() {
            return "PasswordOwner[" + userId.value() + "]"; // never the hash or personal details
        }
    }

    /** A reset link as stored: only the token's hash. */
    record ResetRow(UUID id, UserId userId, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    PasswordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PasswordOwner> findOwner(UserId userId) {
        return jdbc.sql("select id, clinic_id, email, display_name, enabled, password_hash from app_user where id = :id")
                .param("id", userId.value())
                .query((rs, i) -> new PasswordOwner(new UserId(rs.getObject("id", UUID.class)),
                        new ClinicId(rs.getObject("clinic_id", UUID.class)), rs.getString("email"),
                        rs.getString("display_name"), rs.getBoolean("enabled"), rs.getString("password_hash")))
                .optional();
    }

    void updatePasswordHash(UserId userId, String hash) {
        jdbc.sql("update app_user set password_hash = :hash, version = version + 1 where id = :id")
                .param("hash", hash).param("id", userId.value()).update();
    }

    /** A new link replaces any earlier one that was not used yet. */
    void replaceReset(UserId userId, byte[] tokenHash, UserId issuedBy, Instant now, Instant expiresAt) {
        jdbc.sql("delete from password_reset where user_id = :user and used_at is null")
                .param("user", userId.value()).update();
        jdbc.sql("""
                        insert into password_reset (user_id, token_hash, issued_by, created_at, expires_at)
                        values (:user, :hash, :by, :now, :expires)""")
                .param("user", userId.value())
                .param("hash", tokenHash)
                .param("by", issuedBy.value())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Locks the row until the transaction ends, so that two tabs cannot use one link twice. */
    Optional<ResetRow> findResetForUpdate(byte[] tokenHash) {
        return findReset(tokenHash, " for update");
    }

    Optional<ResetRow> findReset(byte[] tokenHash) {
        return findReset(tokenHash, "");
    }

    private Optional<ResetRow> findReset(byte[] tokenHash, String lock) {
        return jdbc.sql("select id, user_id, expires_at, used_at from password_reset where token_hash = :hash" + lock)
                .param("hash", tokenHash)
                .query((rs, i) -> new ResetRow(rs.getObject("id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    void markUsed(UUID resetId, Instant now) {
        jdbc.sql("update password_reset set used_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", resetId).update();
    }

    /** Once a password is set, no other link for the account works any more. */
    void discardUnusedResets(UserId userId) {
        jdbc.sql("delete from password_reset where user_id = :user and used_at is null")
                .param("user", userId.value()).update();
    }
}

package org.homestretch.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for authenticator-app secrets, recovery codes and the clinic-wide requirement. */
@Repository
class TwoFactorRepository {

    record Secret(String secret, boolean confirmed, long lastStep, int failedCodes, Instant lockedUntil) {

        @Override
        public String toString() {
            return "Secret[confirmed=" + confirmed + "]"; // never the secret
        }
    }

    /** What sign-in needs to know: does the clinic require two-factor, and has the user set it up. */
    record SignInFacts(boolean clinicRequires, boolean enrolled) {
    }

    private final JdbcClient jdbc;

    TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SignInFacts> signInFacts(UserId userId) {
        return jdbc.sql("""
                        select c.require_two_factor, t.confirmed_at is not null as enrolled
                        from app_user u join clinic c on c.id = u.clinic_id
                        left join two_factor t on t.user_id = u.id
                        where u.id = :user""")
                .param("user", userId.value())
                .query((rs, i) -> new SignInFacts(rs.getBoolean(1), rs.getBoolean(2)))
                .optional();
    }

    /** Locks the row until the transaction ends: two codes sent at once are checked one after the other. */
    Optional<Secret> findForUpdate(UserId userId) {
        return jdbc.sql("select secret, confirmed_at, last_step, failed_codes, locked_until from two_factor "
                        + "where user_id = :user for update")
                .param("user", userId.value())
                .query((rs, i) -> new Secret(rs.getString("secret"), rs.getTimestamp("confirmed_at") != null,
                        rs.getLong("last_step"), rs.getInt("failed_codes"),
                        rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
                .optional();
    }

    /** A new, unconfirmed secret; replaces an earlier unconfirmed one. */
    void savePending(UserId userId, String secret, Instant now) {
        jdbc.sql("""
                        insert into two_factor (user_id, secret, created_at) values (:user, :secret, :now)
                        on conflict (user_id) do update set secret = excluded.secret, created_at = excluded.created_at,
                            confirmed_at = null, last_step = 0, failed_codes = 0, locked_until = null""")
                .param("user", userId.value())
                .param("secret", secret)
                .param("now", Timestamp.from(now))
                .update();
    }

    void confirm(UserId userId, long step, Instant now) {
        jdbc.sql("update two_factor set confirmed_at = :now, last_step = :step, failed_codes = 0, locked_until = null "
                        + "where user_id = :user")
                .param("now", Timestamp.from(now)).param("step", step).param("user", userId.value()).update();
    }

    /** A right code: remembered so that it cannot be used again, and the count of wrong ones starts over. */
    void accept(UserId userId, long step) {
        jdbc.sql("update two_factor set last_step = greatest(last_step, :step), failed_codes = 0, locked_until = null "
                        + "where user_id = :user")
                .param("step", step).param("user", userId.value()).update();
    }

    void recordWrongCode(UserId userId, int failedCodes, Instant lockedUntil) {
        jdbc.sql("update two_factor set failed_codes = :failed, locked_until = :until where user_id = :user")
                .param("failed", failedCodes)
                .param("until", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .param("user", userId.value())
                .update();
    }

    void delete(UserId userId) {
        jdbc.sql("delete from recovery_code where user_id = :user").param("user", userId.value()).update();
        jdbc.sql("delete from two_factor where user_id = :user").param("user", userId.value()).update();
    }

    void replaceRecoveryCodes(UserId userId, List<byte[]> hashes, Instant now) {
        jdbc.sql("delete from recovery_code where user_id = :user").param("user", userId.value()).update();
        for (byte[] hash : hashes) {
            jdbc.sql("insert into recovery_code (user_id, code_hash, created_at) values (:user, :hash, :now)")
                    .param("user", userId.value()).param("hash", hash).param("now", Timestamp.from(now)).update();
        }
    }

    /** True when the code was there and unused; it is used up now. */
    boolean useRecoveryCode(UserId userId, byte[] hash, Instant now) {
        return jdbc.sql("update recovery_code set used_at = :now where user_id = :user and code_hash = :hash "
                        + "and used_at is null")
                .param("now", Timestamp.from(now)).param("user", userId.value()).param("hash", hash)
                .update() == 1;
    }

    int unusedRecoveryCodes(UserId userId) {
        return jdbc.sql("select count(*) from recovery_code where user_id = :user and used_at is null")
                .param("user", userId.value()).query(Integer.class).single();
    }

    boolean clinicRequires(ClinicId clinicId) {
        return jdbc.sql("select require_two_factor from clinic where id = :id").param("id", clinicId.value())
                .query(Boolean.class).single();
    }

    void setClinicRequires(ClinicId clinicId, boolean required) {
        jdbc.sql("update clinic set require_two_factor = :required, version = version + 1 where id = :id")
                .param("required", required).param("id", clinicId.value()).update();
    }
}

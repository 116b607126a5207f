package org.homestretch.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for the sign-in counters. The {@code lock...} reads take the row lock for the rest of the
 * transaction, so that two servers (or two threads) counting the same client or account at the
 * same moment count one after the other.
 */
@Repository
class SignInAttemptRepository {

    record AccountRow(UserId userId, int failures, Instant windowStart, Instant lockedUntil) {
    }

    record ClientRow(String client, int failures, Instant lastFailureAt, Instant blockedUntil) {
    }

    private final JdbcClient jdbc;

    SignInAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserId> findUserId(String normalisedEmail) {
        return jdbc.sql("select id from app_user where lower(email) = :email")
                .param("email", normalisedEmail)
                .query((rs, i) -> new UserId(rs.getObject("id", UUID.class))).optional();
    }

    /** The clinic of an account, for the audit entry of a failed sign-in. */
    Optional<ClinicId> clinicOf(UserId userId) {
        return jdbc.sql("select clinic_id from app_user where id = :id")
                .param("id", userId.value())
                .query((rs, i) -> new ClinicId(rs.getObject("clinic_id", UUID.class))).optional();
    }

    /** The account's counter, locked; a new account starts with no failures. */
    AccountRow lockAccount(UserId userId, Instant now) {
        jdbc.sql("""
                        insert into sign_in_account (user_id, failures, window_start)
                        values (:user, 0, :now) on conflict (user_id) do nothing""")
                .param("user", userId.value())
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("""
                        select failures, window_start, locked_until from sign_in_account
                        where user_id = :user for update""")
                .param("user", userId.value())
                .query((rs, i) -> new AccountRow(userId, rs.getInt("failures"),
                        rs.getTimestamp("window_start").toInstant(), instant(rs.getTimestamp("locked_until"))))
                .single();
    }

    void updateAccount(AccountRow row) {
        jdbc.sql("""
                        update sign_in_account set failures = :failures, window_start = :start, locked_until = :until
                        where user_id = :user""")
                .param("failures", row.failures())
                .param("start", Timestamp.from(row.windowStart()))
                .param("until", timestamp(row.lockedUntil()))
                .param("user", row.userId().value())
                .update();
    }

    void deleteAccount(UserId userId) {
        jdbc.sql("delete from sign_in_account where user_id = :user").param("user", userId.value()).update();
    }

    /** The lock's end if the account is locked now, looked up only within the given clinic. */
    Optional<Instant> findLock(ClinicId clinicId, UserId userId, Instant now) {
        return jdbc.sql("""
                        select a.locked_until from sign_in_account a join app_user u on u.id = a.user_id
                        where u.clinic_id = :clinic and a.user_id = :user and a.locked_until > :now""")
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .param("now", Timestamp.from(now))
                .query((rs, i) -> rs.getTimestamp("locked_until").toInstant()).optional();
    }

    /** Forgets the account's failures and lock, only if the account is in the given clinic. */
    boolean deleteAccount(ClinicId clinicId, UserId userId) {
        return jdbc.sql("""
                        delete from sign_in_account a using app_user u
                        where u.id = a.user_id and u.clinic_id = :clinic and a.user_id = :user""")
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .update() == 1;
    }

    /** The client's counter, locked; a new client starts with no failures. */
    ClientRow lockClient(String client, Instant now) {
        jdbc.sql("""
                        insert into sign_in_client (client, failures, last_failure_at)
                        values (:client, 0, :now) on conflict (client) do nothing""")
                .param("client", client)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("""
                        select failures, last_failure_at, blocked_until from sign_in_client
                        where client = :client for update""")
                .param("client", client)
                .query((rs, i) -> new ClientRow(client, rs.getInt("failures"),
                        rs.getTimestamp("last_failure_at").toInstant(), instant(rs.getTimestamp("blocked_until"))))
                .single();
    }

    void updateClient(ClientRow row) {
        jdbc.sql("""
                        update sign_in_client set failures = :failures, last_failure_at = :last, blocked_until = :until
                        where client = :client""")
                .param("failures", row.failures())
                .param("last", Timestamp.from(row.lastFailureAt()))
                .param("until", timestamp(row.blockedUntil()))
                .param("client", row.client())
                .update();
    }

    Optional<Instant> findClientBlock(String client) {
        return jdbc.sql("select blocked_until from sign_in_client where client = :client and blocked_until is not null")
                .param("client", client)
                .query((rs, i) -> rs.getTimestamp("blocked_until").toInstant()).optional();
    }

    /** Deletes counters that no longer affect anything; they hold client addresses. */
    void deleteStale(Instant before) {
        jdbc.sql("""
                        delete from sign_in_client where last_failure_at < :before
                        and (blocked_until is null or blocked_until < :before)""")
                .param("before", Timestamp.from(before)).update();
        jdbc.sql("""
                        delete from sign_in_account where window_start < :before
                        and (locked_until is null or locked_until < :before)""")
                .param("before", Timestamp.from(before)).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

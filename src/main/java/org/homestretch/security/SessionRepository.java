package org.homestretch.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** SQL for what decides whether a signed-in session may go on: the account's epoch and its clinic's logoff time. */
@Repository
class SessionRepository {

    /** What a session is checked against on every request. */
    record AccountState(int epoch, boolean enabled, Role role, SessionEnd lastEnd, int idleMinutes) {
    }

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountState> state(UserId userId) {
        return jdbc.sql("""
                        select u.session_epoch, u.enabled, u.role, u.session_end_reason, c.idle_logoff_minutes
                        from app_user u join clinic c on c.id = u.clinic_id where u.id = :id""")
                .param("id", userId.value())
                .query((rs, i) -> new AccountState(rs.getInt(1), rs.getBoolean(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? SessionEnd.ACCOUNT_CHANGED : SessionEnd.valueOf(rs.getString(4)),
                        rs.getInt(5)))
                .optional();
    }

    /** Moves the account to a new epoch, which ends every session begun before; returns the new epoch. */
    Optional<Integer> endSessions(UserId userId, SessionEnd reason) {
        return jdbc.sql("update app_user set session_epoch = session_epoch + 1, session_end_reason = :reason "
                        + "where id = :id returning session_epoch")
                .param("reason", reason.name())
                .param("id", userId.value())
                .query(Integer.class).optional();
    }
}

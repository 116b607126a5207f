package org.homestretch.security;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** SQL for accounts, and the clinic row made with the first admin. Every account query except sign-in is scoped by clinic. */
@Repository
class AccountRepository {

    private static final String USER_COLUMNS =
            "id, clinic_id, email, display_name, role, enabled, created_at";

    private static final RowMapper<UserAccount> USER = (rs, i) -> new UserAccount(
            new UserId(rs.getObject("id", UUID.class)),
            new ClinicId(rs.getObject("clinic_id", UUID.class)),
            rs.getString("email"),
            rs.getString("display_name"),
            Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ClinicId insertClinic(String name, ZoneId timeZone, Locale locale, Instant now) {
        UUID id = jdbc.sql("insert into clinic (name, time_zone, locale, created_at) "
                        + "values (:name, :tz, :locale, :now) returning id")
                .param("name", name)
                .param("tz", timeZone.getId())
                .param("locale", locale.toLanguageTag())
                .param("now", Timestamp.from(now))
                .query(UUID.class).single();
        return new ClinicId(id);
    }

    /** The clinic's name and time zone for the app shell's header. */
    Optional<ClinicHeading> findClinicHeading(ClinicId id) {
        return jdbc.sql("select name, time_zone from clinic where id = :id").param("id", id.value())
                .query((rs, i) -> new ClinicHeading(rs.getString("name"), ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    record ClinicHeading(String name, ZoneId timeZone) {
    }

    /** The clinic of the account with this email, whatever the clinic is called now. */
    Optional<ClinicId> findClinicOfAccount(String normalisedEmail) {
        return jdbc.sql("select clinic_id from app_user where lower(email) = :email")
                .param("email", normalisedEmail)
                .query((rs, i) -> new ClinicId(rs.getObject("clinic_id", UUID.class))).optional();
    }

    UserId insertUser(ClinicId clinicId, String email, String displayName, String passwordHash, Role role,
                      Instant now) {
        UUID id = jdbc.sql("""
                        insert into app_user (clinic_id, email, display_name, password_hash, role, enabled, created_at)
                        values (:clinic, :email, :name, :hash, :role, true, :now) returning id""")
                .param("clinic", clinicId.value())
                .param("email", email)
                .param("name", displayName)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("now", Timestamp.from(now))
                .query(UUID.class).single();
        return new UserId(id);
    }

    boolean emailTaken(String normalisedEmail) {
        return jdbc.sql("select exists (select 1 from app_user where lower(email) = :email)")
                .param("email", normalisedEmail).query(Boolean.class).single();
    }

    /** Sign-in looks across clinics: an email names one account in the whole installation. */
    Optional<SignedInUser> findForSignIn(String normalisedEmail) {
        return jdbc.sql("""
                        select id, clinic_id, email, display_name, role, enabled, password_hash
                        from app_user where lower(email) = :email""")
                .param("email", normalisedEmail)
                .query((rs, i) -> new SignedInUser(
                        new UserId(rs.getObject("id", UUID.class)),
                        new ClinicId(rs.getObject("clinic_id", UUID.class)),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"),
                        rs.getString("password_hash")))
                .optional();
    }

    List<UserAccount> findUsers(ClinicId clinicId, int offset, int limit) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where clinic_id = :clinic "
                        + "order by lower(display_name), id offset :offset limit :limit")
                .param("clinic", clinicId.value())
                .param("offset", offset)
                .param("limit", limit)
                .query(USER).list();
    }

    int countUsers(ClinicId clinicId) {
        return jdbc.sql("select count(*) from app_user where clinic_id = :clinic")
                .param("clinic", clinicId.value()).query(Integer.class).single();
    }

    Optional<UserAccount> findUser(ClinicId clinicId, UserId userId) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where clinic_id = :clinic and id = :id")
                .param("clinic", clinicId.value())
                .param("id", userId.value())
                .query(USER).optional();
    }

    int countEnabledAdmins(ClinicId clinicId) {
        return jdbc.sql("select count(*) from app_user where clinic_id = :clinic and role = 'ADMIN' and enabled")
                .param("clinic", clinicId.value()).query(Integer.class).single();
    }

    boolean setEnabled(ClinicId clinicId, UserId userId, boolean enabled) {
        return jdbc.sql("update app_user set enabled = :enabled, version = version + 1 "
                        + "where clinic_id = :clinic and id = :id")
                .param("enabled", enabled)
                .param("clinic", clinicId.value())
                .param("id", userId.value())
                .update() == 1;
    }

    boolean setRole(ClinicId clinicId, UserId userId, Role role) {
        return jdbc.sql("update app_user set role = :role, version = version + 1 where clinic_id = :clinic and id = :id")
                .param("role", role.name())
                .param("clinic", clinicId.value())
                .param("id", userId.value())
                .update() == 1;
    }

    boolean anyUserExists() {
        return jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single();
    }

    /** Serialises first-run setup across requests and app instances for the rest of the transaction. */
    void lockSetup() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('homestretch.first-run-setup'))").query().singleRow();
    }
}

package org.homestretch.clinic;

import org.homestretch.security.ClinicId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** SQL for the clinic record. Its row is made at first-run setup, with the first admin. */
@Repository
class ClinicRepository {

    private static final RowMapper<Clinic> CLINIC = (rs, i) -> new Clinic(
            new ClinicId(rs.getObject("id", UUID.class)),
            rs.getString("name"),
            rs.getString("phone"),
            rs.getString("out_of_hours_phone"),
            ZoneId.of(rs.getString("time_zone")),
            Locale.forLanguageTag(rs.getString("locale")),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    ClinicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Clinic> find(ClinicId id) {
        return jdbc.sql("select id, name, phone, out_of_hours_phone, time_zone, locale, created_at from clinic where id = :id")
                .param("id", id.value()).query(CLINIC).optional();
    }

    boolean update(ClinicId id, String name, String phone, ZoneId timeZone, Locale locale) {
        return jdbc.sql("update clinic set name = :name, phone = :phone, time_zone = :tz, locale = :locale, "
                        + "version = version + 1 where id = :id")
                .param("name", name)
                .param("phone", phone)
                .param("tz", timeZone.getId())
                .param("locale", locale.toLanguageTag())
                .param("id", id.value())
                .update() == 1;
    }

    boolean updateOutOfHoursPhone(ClinicId id, String phone) {
        return jdbc.sql("update clinic set out_of_hours_phone = :phone, version = version + 1 "
                        + "where id = :id and out_of_hours_phone <> :phone")
                .param("phone", phone)
                .param("id", id.value())
                .update() == 1;
    }

    int idleLogoffMinutes(ClinicId id) {
        return jdbc.sql("select idle_logoff_minutes from clinic where id = :id")
                .param("id", id.value()).query(Integer.class).single();
    }

    /** Writes only a change, so that saving the details form unchanged leaves the row as it was. */
    boolean updateIdleLogoffMinutes(ClinicId id, int minutes) {
        return jdbc.sql("update clinic set idle_logoff_minutes = :minutes, version = version + 1 "
                        + "where id = :id and idle_logoff_minutes <> :minutes")
                .param("minutes", minutes)
                .param("id", id.value())
                .update() == 1;
    }

    Optional<String> alertEmail(ClinicId id) {
        return jdbc.sql("select alert_email from clinic where id = :id")
                .param("id", id.value()).query(String.class).optional();
    }

    void updateAlertEmail(ClinicId id, String email) {
        jdbc.sql("update clinic set alert_email = :email, version = version + 1 "
                        + "where id = :id and alert_email is distinct from :email")
                .param("email", email)
                .param("id", id.value())
                .update();
    }
}

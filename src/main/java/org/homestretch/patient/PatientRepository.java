package org.homestretch.patient;

import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for patients; the clinic id is part of every WHERE clause. */
@Repository
class PatientRepository {

    private static final String COLUMNS = """
            p.id, p.clinic_id, p.first_name, p.last_name, p.date_of_birth, p.email, p.phone, p.handout_language,
            p.therapist_id, p.notes, p.archived, p.version, u.display_name as therapist_name""";
    private static final String FROM = " from patient p left join app_user u on u.id = p.therapist_id ";

    private static final RowMapper<Patient> PATIENT = (rs, i) -> {
        Date dob = rs.getDate("date_of_birth");
        UUID therapist = rs.getObject("therapist_id", UUID.class);
        PatientDetails details = new PatientDetails(rs.getString("first_name"), rs.getString("last_name"),
                dob == null ? null : dob.toLocalDate(), rs.getString("email"), rs.getString("phone"),
                rs.getString("handout_language"), therapist == null ? null : new UserId(therapist),
                rs.getString("notes"));
        return new Patient(new PatientId(rs.getObject("id", UUID.class)),
                new ClinicId(rs.getObject("clinic_id", UUID.class)), details, rs.getString("therapist_name"),
                rs.getBoolean("archived"), rs.getInt("version"));
    };

    private final JdbcClient jdbc;

    PatientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PatientId insert(ClinicId clinicId, PatientDetails d, Instant now) {
        UUID id = params(jdbc.sql("""
                        insert into patient (clinic_id, first_name, last_name, date_of_birth, email, phone,
                            handout_language, therapist_id, notes, created_at, updated_at)
                        values (:clinic, :first, :last, :dob, :email, :phone, :lang, :therapist, :notes, :now, :now)
                        returning id"""), d)
                .param("clinic", clinicId.value())
                .param("now", Timestamp.from(now))
                .query(UUID.class).single();
        return new PatientId(id);
    }

    /** Optimistic: only if nobody saved the record since {@code expectedVersion} was read. */
    boolean update(ClinicId clinicId, PatientId id, int expectedVersion, PatientDetails d, Instant now) {
        return params(jdbc.sql("""
                        update patient set first_name = :first, last_name = :last, date_of_birth = :dob,
                            email = :email, phone = :phone, handout_language = :lang, therapist_id = :therapist,
                            notes = :notes, updated_at = :now, version = version + 1
                        where id = :id and clinic_id = :clinic and version = :version"""), d)
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .param("version", expectedVersion)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    boolean setArchived(ClinicId clinicId, PatientId id, boolean archived, Instant now) {
        return jdbc.sql("update patient set archived = :archived, updated_at = :now, version = version + 1 "
                        + "where id = :id and clinic_id = :clinic")
                .param("archived", archived)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .update() == 1;
    }

    /** Removes the record; tables of later features cascade from patient(id). */
    boolean delete(ClinicId clinicId, PatientId id) {
        return jdbc.sql("delete from patient where id = :id and clinic_id = :clinic")
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .update() == 1;
    }

    Optional<Patient> find(ClinicId clinicId, PatientId id) {
        return jdbc.sql("select " + COLUMNS + FROM + "where p.id = :id and p.clinic_id = :clinic")
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .query(PATIENT).optional();
    }

    boolean therapistInClinic(ClinicId clinicId, UserId therapistId) {
        return jdbc.sql("select exists (select 1 from app_user where id = :id and clinic_id = :clinic)")
                .param("id", therapistId.value())
                .param("clinic", clinicId.value())
                .query(Boolean.class).single();
    }

    List<Patient> search(ClinicId clinicId, UserId userId, PatientQuery query, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(clinicId, userId, query, params);
        return jdbc.sql("select " + COLUMNS + FROM + "where " + where
                        + " order by lower(p.last_name), lower(p.first_name), p.id offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query(PATIENT).list();
    }

    int count(ClinicId clinicId, UserId userId, PatientQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*)" + FROM + "where " + where(clinicId, userId, query, params))
                .params(params)
                .query(Integer.class).single();
    }

    private static String where(ClinicId clinicId, UserId userId, PatientQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("p.clinic_id = :clinic and p.archived = :archived");
        params.put("clinic", clinicId.value());
        params.put("archived", query.archived());
        if (query.mineOnly()) {
            where.append(" and p.therapist_id = :user");
            params.put("user", userId.value());
        }
        if (!query.text().isEmpty()) {
            // Any order of first and last name, any part of either, or a close misspelling.
            String text = query.text().toLowerCase(Locale.ROOT);
            where.append(" and (lower(p.first_name || ' ' || p.last_name) like :contains escape '\\'"
                    + " or lower(p.last_name || ' ' || p.first_name) like :contains escape '\\'"
                    + " or :text <% lower(p.first_name || ' ' || p.last_name))");
            params.put("text", text);
            params.put("contains", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, PatientDetails d) {
        return spec
                .param("first", d.firstName())
                .param("last", d.lastName())
                .param("dob", d.dateOfBirth() == null ? null : Date.valueOf(d.dateOfBirth()), java.sql.Types.DATE)
                .param("email", d.email().isEmpty() ? null : d.email(), java.sql.Types.VARCHAR)
                .param("phone", d.phone().isEmpty() ? null : d.phone(), java.sql.Types.VARCHAR)
                .param("lang", d.handoutLanguage())
                .param("therapist", d.therapistId() == null ? null : d.therapistId().value(), java.sql.Types.OTHER)
                .param("notes", d.notes());
    }
}

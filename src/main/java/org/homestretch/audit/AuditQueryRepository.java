package org.homestretch.audit;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the audit trail for admins, with names resolved by joins on {@code app_user} and
 * {@code patient} (same clinic only): the audit feature must not call the patient feature,
 * which writes entries through {@link AuditLog}. Every query names the clinic.
 */
@Repository
class AuditQueryRepository {

    private static final String FROM = """
            from audit_entry a
            left join app_user u on u.id = a.actor_id and u.clinic_id = a.clinic_id
            left join patient p on p.id = a.patient_id and p.clinic_id = a.clinic_id
            where a.clinic_id = :clinic""";

    private static final RowMapper<AuditRow> ROW = (rs, i) -> new AuditRow(
            rs.getLong("sequence_no"), rs.getTimestamp("occurred_at").toInstant(),
            ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("display_name"), rs.getString("email"),
            rs.getString("action"), rs.getObject("patient_id", UUID.class),
            rs.getString("first_name") == null ? null : rs.getString("first_name") + " " + rs.getString("last_name"),
            rs.getString("detail"), rs.getString("client_address"));

    private final JdbcClient jdbc;

    AuditQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the clinic's entries that match, newest first. */
    List<AuditRow> page(UUID clinicId, AuditFilter filter, UUID patientId, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(clinicId, filter, patientId, params);
        return jdbc.sql("""
                        select a.sequence_no, a.occurred_at, a.actor_kind, a.action, a.patient_id, a.detail,
                            a.client_address, u.display_name, u.email, p.first_name, p.last_name
                        """ + FROM + where + " order by a.sequence_no desc offset :offset limit :limit")
                .params(params).param("offset", offset).param("limit", limit)
                .query(ROW).list();
    }

    int count(UUID clinicId, AuditFilter filter, UUID patientId) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(clinicId, filter, patientId, params);
        return jdbc.sql("select count(*) " + FROM + where).params(params).query(Integer.class).single();
    }

    /** The clinic's staff, disabled ones too (their entries stay), by name. */
    List<AuditActor> staff(UUID clinicId) {
        return jdbc.sql("select id, display_name, email from app_user where clinic_id = :clinic order by lower(display_name), email")
                .param("clinic", clinicId)
                .query((rs, i) -> new AuditActor(ActorKind.STAFF, rs.getObject("id", UUID.class),
                        rs.getString("display_name") + " (" + rs.getString("email") + ")"))
                .list();
    }

    ZoneId timeZone(UUID clinicId) {
        return jdbc.sql("select time_zone from clinic where id = :clinic").param("clinic", clinicId)
                .query(String.class).optional().map(ZoneId::of).orElse(ZoneId.of("UTC"));
    }

    /** Every clinic's name by id, for the command line. */
    Map<UUID, String> clinicNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from clinic order by name").query(rs -> {
            names.put(rs.getObject("id", UUID.class), rs.getString("name"));
        });
        return names;
    }

    private static String where(UUID clinicId, AuditFilter f, UUID patientId, Map<String, Object> params) {
        params.put("clinic", clinicId);
        StringBuilder where = new StringBuilder();
        if (f.actor() != null) {
            where.append(" and a.actor_kind = :kind");
            params.put("kind", f.actor().kind().name());
            if (f.actor().userId() != null) {
                where.append(" and a.actor_id = :actor");
                params.put("actor", f.actor().userId());
            }
        }
        if (f.action() != null) {
            where.append(" and a.action = :action");
            params.put("action", f.action().name());
        }
        if (f.patientName() != null && !f.patientName().isBlank()) {
            where.append(" and lower(p.first_name || ' ' || p.last_name) like :name escape '\\'");
            params.put("name", "%" + likeEscaped(f.patientName().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (patientId != null) {
            where.append(" and a.patient_id = :patient");
            params.put("patient", patientId);
        }
        if (f.from() != null) {
            where.append(" and a.occurred_at >= :from");
            params.put("from", Timestamp.from(f.from()));
        }
        if (f.until() != null) {
            where.append(" and a.occurred_at < :until");
            params.put("until", Timestamp.from(f.until()));
        }
        return where.toString();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

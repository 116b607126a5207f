package org.homestretch.checkin;

import org.homestretch.base.EmergencyNumber;
import org.homestretch.patient.PatientId;
import org.homestretch.program.ProgramId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** SQL for patient access and patient sessions. Only live (unrevoked) access ever matches. */
@Repository
class AccessRepository {

    record Access(UUID id, byte[] nonce, Instant createdAt, Instant lastUsedAt) {
    }

    /** The clinic and patient an access belongs to, from the patient's own record. */
    record Owner(ClinicId clinicId, PatientId patientId) {
    }

    private final JdbcClient jdbc;

    AccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Access> live(ClinicId clinicId, ProgramId programId) {
        return jdbc.sql("""
                        select id, nonce, created_at, last_used_at from program_access
                        where clinic_id = :clinic and program_id = :program and revoked_at is null""")
                .param("clinic", clinicId.value())
                .param("program", programId.value())
                .query((rs, i) -> new Access(rs.getObject("id", UUID.class), rs.getBytes("nonce"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null)))
                .optional();
    }

    /** False when the code collides with another live code (about one in 10^11); the caller draws again. */
    boolean insert(ClinicId clinicId, ProgramId programId, byte[] nonce, byte[] tokenHash, byte[] codeHash,
                   UserId by, Instant now) {
        return jdbc.sql("""
                        insert into program_access (clinic_id, program_id, nonce, token_hash, code_hash, created_at, created_by)
                        values (:clinic, :program, :nonce, :token, :code, :now, :by)
                        on conflict do nothing""")
                .param("clinic", clinicId.value())
                .param("program", programId.value())
                .param("nonce", nonce)
                .param("token", tokenHash)
                .param("code", codeHash)
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update() == 1;
    }

    /** Revokes the live access and ends every patient session and calendar feed opened with it. */
    int revoke(ClinicId clinicId, ProgramId programId, UserId by, Instant now) {
        jdbc.sql("""
                        delete from patient_session where access_id in (select id from program_access
                            where clinic_id = :clinic and program_id = :program and revoked_at is null)""")
                .param("clinic", clinicId.value())
                .param("program", programId.value())
                .update();
        // The reminder calendar hangs on the access: it ends with it.
        jdbc.sql("""
                        update calendar_feed set revoked_at = :now, revoked_by = :by
                        where revoked_at is null and access_id in (select id from program_access
                            where clinic_id = :clinic and program_id = :program and revoked_at is null)""")
                .param("clinic", clinicId.value())
                .param("program", programId.value())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
        return jdbc.sql("""
                        update program_access set revoked_at = :now, revoked_by = :by
                        where clinic_id = :clinic and program_id = :program and revoked_at is null""")
                .param("clinic", clinicId.value())
                .param("program", programId.value())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    Optional<UUID> liveByToken(byte[] tokenHash) {
        return jdbc.sql("select id from program_access where token_hash = :hash and revoked_at is null")
                .param("hash", tokenHash)
                .query(UUID.class).optional();
    }

    Optional<UUID> liveByCode(byte[] codeHash) {
        return jdbc.sql("select id from program_access where code_hash = :hash and revoked_at is null")
                .param("hash", codeHash)
                .query(UUID.class).optional();
    }

    Optional<Owner> owner(UUID accessId) {
        return jdbc.sql("""
                        select p.clinic_id, p.id as patient_id from program_access a
                        join program g on g.id = a.program_id and g.clinic_id = a.clinic_id
                        join patient p on p.id = g.patient_id and p.clinic_id = a.clinic_id
                        where a.id = :id""")
                .param("id", accessId)
                .query((rs, i) -> new Owner(new ClinicId(rs.getObject("clinic_id", UUID.class)),
                        new PatientId(rs.getObject("patient_id", UUID.class))))
                .optional();
    }

    void openSession(byte[] sessionHash, UUID accessId, Instant now) {
        jdbc.sql("update program_access set last_used_at = :now where id = :id")
                .param("id", accessId)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("insert into patient_session (id_hash, access_id, created_at, last_seen_at) values (:hash, :access, :now, :now)")
                .param("hash", sessionHash)
                .param("access", accessId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The patient behind a session, if its access is live, the patient not archived and the
     * session seen since {@code idleSince}.
     */
    Optional<PatientContext> context(byte[] sessionHash, Instant idleSince) {
        return jdbc.sql("""
                        select a.id as access_id, a.clinic_id, a.program_id, p.id as patient_id, p.first_name,
                            c.name as clinic_name, c.phone as clinic_phone, c.out_of_hours_phone, c.locale,
                            c.time_zone
                        from patient_session s
                        join program_access a on a.id = s.access_id and a.revoked_at is null
                        join program g on g.id = a.program_id and g.clinic_id = a.clinic_id
                        join patient p on p.id = g.patient_id and p.clinic_id = a.clinic_id and not p.archived
                        join clinic c on c.id = a.clinic_id
                        where s.id_hash = :hash and s.last_seen_at >= :idle""")
                .param("hash", sessionHash)
                .param("idle", Timestamp.from(idleSince))
                .query((rs, i) -> new PatientContext(rs.getObject("access_id", UUID.class),
                        new ClinicId(rs.getObject("clinic_id", UUID.class)),
                        new ProgramId(rs.getObject("program_id", UUID.class)),
                        new PatientId(rs.getObject("patient_id", UUID.class)),
                        rs.getString("first_name"), rs.getString("clinic_name"),
                        Optional.ofNullable(rs.getString("clinic_phone")).orElse(""),
                        Optional.ofNullable(rs.getString("out_of_hours_phone")).orElse(""),
                        EmergencyNumber.of(Locale.forLanguageTag(rs.getString("locale"))),
                        ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    /** At most one write an hour per session: enough for idle expiry, cheap on a busy morning. */
    void touch(byte[] sessionHash, UUID accessId, Instant now) {
        jdbc.sql("""
                        update patient_session set last_seen_at = :now
                        where id_hash = :hash and last_seen_at < :hourAgo""")
                .param("hash", sessionHash)
                .param("now", Timestamp.from(now))
                .param("hourAgo", Timestamp.from(now.minusSeconds(3600)))
                .update();
        jdbc.sql("update program_access set last_used_at = :now where id = :id and last_used_at < :hourAgo")
                .param("id", accessId)
                .param("now", Timestamp.from(now))
                .param("hourAgo", Timestamp.from(now.minusSeconds(3600)))
                .update();
    }

    void closeSession(byte[] sessionHash) {
        jdbc.sql("delete from patient_session where id_hash = :hash").param("hash", sessionHash).update();
    }
}

package org.homestretch.program;

import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** SQL for program edits not saved yet: one row per person and patient, in the person's clinic. */
@Repository
class ProgramDraftRepository {

    record Row(int baseVersion, String items, Instant savedAt) {
    }

    private final JdbcClient jdbc;

    ProgramDraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the draft; nothing is written when the patient is not in this clinic. */
    void upsert(ClinicId clinicId, UserId userId, PatientId patientId, int baseVersion, String items, Instant now) {
        jdbc.sql("""
                        insert into program_draft (user_id, patient_id, clinic_id, base_version, items, saved_at)
                        select :user, p.id, p.clinic_id, :base, :items, :now
                        from patient p where p.id = :patient and p.clinic_id = :clinic
                        on conflict (user_id, patient_id) do update
                        set base_version = excluded.base_version, items = excluded.items, saved_at = excluded.saved_at""")
                .param("user", userId.value())
                .param("patient", patientId.value())
                .param("clinic", clinicId.value())
                .param("base", baseVersion)
                .param("items", items)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Row> find(ClinicId clinicId, UserId userId, PatientId patientId) {
        return jdbc.sql("select base_version, items, saved_at from program_draft "
                        + "where clinic_id = :clinic and user_id = :user and patient_id = :patient")
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .param("patient", patientId.value())
                .query((rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    void delete(ClinicId clinicId, UserId userId, PatientId patientId) {
        jdbc.sql("delete from program_draft where clinic_id = :clinic and user_id = :user and patient_id = :patient")
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .param("patient", patientId.value())
                .update();
    }
}

package org.homestretch.worklist;

import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The reviews of worsening outcome scores (V24); every query names the clinic. */
@Repository
class WorklistRepository {

    private final JdbcClient jdbc;

    WorklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Of these scores, the ones already reviewed. */
    Set<UUID> reviewedScores(ClinicId clinic, Collection<UUID> scores) {
        if (scores.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select score_id from worklist_review
                        where clinic_id = :clinic and score_id = any(cast(:scores as uuid[]))""")
                .param("clinic", clinic.value())
                .param("scores", scores.toArray(UUID[]::new))
                .query(UUID.class).list());
    }

    /** True when stored; false when this score was reviewed already (a second click stores nothing). */
    boolean insertReview(ClinicId clinic, PatientId patient, String measure, UUID score, UserId by, Instant at) {
        return jdbc.sql("""
                        insert into worklist_review (clinic_id, patient_id, measure, score_id, reviewed_by, reviewed_at)
                        values (:clinic, :patient, :measure, :score, :by, :at)
                        on conflict (clinic_id, patient_id, measure, score_id) do nothing""")
                .param("clinic", clinic.value())
                .param("patient", patient.value())
                .param("measure", measure)
                .param("score", score)
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .update() == 1;
    }
}

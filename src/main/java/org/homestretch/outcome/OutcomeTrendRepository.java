package org.homestretch.outcome;

import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Each patient's baseline and latest score per measure, for a clinic or one therapist's patients. */
@Repository
class OutcomeTrendRepository {

    record Trend(PatientId patient, String patientName, Measure measure, LocalDate baselineOn, double baseline,
                 UUID latestScore, LocalDate latestOn, double latest, Instant enteredAt) {
    }

    private final JdbcClient jdbc;

    OutcomeTrendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Baseline and latest in the order of {@link OutcomeRepository#history}: by day taken, then when entered. */
    List<Trend> baselineAndLatest(ClinicId clinic, UserId therapistOrNull) {
        return jdbc.sql("""
                        select distinct on (s.patient_id, s.measure) s.patient_id, s.measure,
                               p.first_name || ' ' || p.last_name as name,
                               first_value(s.taken_on) over w as baseline_on, first_value(s.score) over w as baseline,
                               last_value(s.id) over w as latest_id, last_value(s.taken_on) over w as latest_on,
                               last_value(s.score) over w as latest, last_value(s.created_at) over w as entered_at
                        from outcome_score s join patient p on p.id = s.patient_id and p.clinic_id = s.clinic_id
                        where s.clinic_id = :clinic and not p.archived
                          and (cast(:therapist as uuid) is null or p.therapist_id = cast(:therapist as uuid))
                        window w as (partition by s.patient_id, s.measure order by s.taken_on, s.created_at
                                     rows between unbounded preceding and unbounded following)
                        order by s.patient_id, s.measure""")
                .param("clinic", clinic.value())
                .param("therapist", therapistOrNull == null ? null : therapistOrNull.value(), Types.OTHER)
                .query((rs, n) -> new Trend(new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("name"),
                        Measure.find(rs.getString("measure")).orElse(null), rs.getDate("baseline_on").toLocalDate(),
                        rs.getBigDecimal("baseline").doubleValue(), rs.getObject("latest_id", UUID.class),
                        rs.getDate("latest_on").toLocalDate(), rs.getBigDecimal("latest").doubleValue(),
                        rs.getTimestamp("entered_at").toInstant()))
                .list();
    }
}

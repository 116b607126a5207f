package org.homestretch.outcome;

import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL over outcome scores and their items. Every query names the clinic. */
@Repository
class OutcomeRepository {

    private final JdbcClient jdbc;

    OutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(ClinicId clinic, PatientId patient, Measure measure, java.time.LocalDate takenOn,
                List<OutcomeScore.Item> items, UserId enteredBy, String source, Instant now) {
        double score = measure.score(items.stream().map(OutcomeScore.Item::score).toList());
        UUID id = jdbc.sql("""
                        insert into outcome_score (clinic_id, patient_id, measure, taken_on, score, entered_by,
                            source, created_at)
                        values (:clinic, :patient, :measure, :takenOn, :score, :user, :source, :now)
                        returning id""")
                .param("clinic", clinic.value()).param("patient", patient.value())
                .param("measure", measure.id()).param("takenOn", Date.valueOf(takenOn))
                .param("score", BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP))
                // No user for a score the patient gave on their phone: the source says who.
                .param("user", enteredBy == null ? null : enteredBy.value(), java.sql.Types.OTHER)
                .param("source", source)
                .param("now", Timestamp.from(now))
                .query(UUID.class).single();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("insert into outcome_item (score_id, position, label, score) values (:id, :pos, :label, :score)")
                    .param("id", id).param("pos", i + 1).param("label", items.get(i).label())
                    .param("score", items.get(i).score()).update();
        }
        return id;
    }

    /** The patient's scores on one measure, baseline first: by day taken, then by when entered. */
    List<OutcomeScore> history(ClinicId clinic, PatientId patient, Measure measure) {
        Map<UUID, OutcomeScore> scores = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, s.taken_on, s.score, s.source, coalesce(u.display_name, '') as entered_by
                        from outcome_score s left join app_user u on u.id = s.entered_by
                        where s.clinic_id = :clinic and s.patient_id = :patient and s.measure = :measure
                        order by s.taken_on, s.created_at""")
                .param("clinic", clinic.value()).param("patient", patient.value()).param("measure", measure.id())
                .query((rs, n) -> new OutcomeScore(rs.getObject("id", UUID.class), measure,
                        rs.getDate("taken_on").toLocalDate(), rs.getBigDecimal("score").doubleValue(),
                        new ArrayList<>(), rs.getString("entered_by"), rs.getString("source")))
                .list().forEach(s -> scores.put(s.id(), s));
        if (scores.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        select i.score_id, i.label, i.score from outcome_item i
                        join outcome_score s on s.id = i.score_id
                        where s.clinic_id = :clinic and s.patient_id = :patient and s.measure = :measure
                        order by i.score_id, i.position""")
                .param("clinic", clinic.value()).param("patient", patient.value()).param("measure", measure.id())
                .query((rs, n) -> {
                    scores.get(rs.getObject("score_id", UUID.class)).items()
                            .add(new OutcomeScore.Item(rs.getString("label"), rs.getInt("score")));
                    return null;
                }).list();
        return List.copyOf(scores.values());
    }
}

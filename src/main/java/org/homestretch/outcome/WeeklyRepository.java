package org.homestretch.outcome;

import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL for the weekly question: the therapist's weekday and the weeks answered. Every query names the clinic. */
@Repository
class WeeklyRepository {

    private final JdbcClient jdbc;

    WeeklyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DayOfWeek> weekday(ClinicId clinic, PatientId patient) {
        return jdbc.sql("select weekday from outcome_schedule where clinic_id = :clinic and patient_id = :patient")
                .param("clinic", clinic.value()).param("patient", patient.value())
                .query(Integer.class).optional().map(DayOfWeek::of);
    }

    /** {@code weekday} null: back to the default, the weekday the program started. */
    void setWeekday(ClinicId clinic, PatientId patient, DayOfWeek weekday, UserId by, Instant now) {
        if (weekday == null) {
            jdbc.sql("delete from outcome_schedule where clinic_id = :clinic and patient_id = :patient")
                    .param("clinic", clinic.value()).param("patient", patient.value()).update();
            return;
        }
        jdbc.sql("""
                        insert into outcome_schedule (patient_id, clinic_id, weekday, changed_by, changed_at)
                        values (:patient, :clinic, :weekday, :by, :now)
                        on conflict (patient_id) do update set weekday = excluded.weekday,
                            changed_by = excluded.changed_by, changed_at = excluded.changed_at
                        where outcome_schedule.clinic_id = excluded.clinic_id""")
                .param("patient", patient.value()).param("clinic", clinic.value())
                .param("weekday", weekday.getValue()).param("by", by.value()).param("now", Timestamp.from(now))
                .update();
    }

    /** When the patient's program was first published; empty before that. */
    Optional<Instant> programStart(ClinicId clinic, PatientId patient) {
        return jdbc.sql("""
                        select min(v.published_at) from program_version v join program p on p.id = v.program_id
                        where p.clinic_id = :clinic and p.patient_id = :patient""")
                .param("clinic", clinic.value()).param("patient", patient.value())
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    boolean responded(ClinicId clinic, PatientId patient, LocalDate dueOn) {
        return jdbc.sql("""
                        select count(*) from outcome_prompt
                        where clinic_id = :clinic and patient_id = :patient and due_on = :due""")
                .param("clinic", clinic.value()).param("patient", patient.value()).param("due", Date.valueOf(dueOn))
                .query(Integer.class).single() > 0;
    }

    /** False when this week was answered or put off already: the key makes a resend store nothing. */
    boolean insertResponse(ClinicId clinic, PatientId patient, LocalDate dueOn, String answer, LocalDate today,
                           Instant now) {
        return jdbc.sql("""
                        insert into outcome_prompt (patient_id, clinic_id, due_on, answer, answered_on, created_at)
                        values (:patient, :clinic, :due, :answer, :today, :now)
                        on conflict (patient_id, due_on) do nothing""")
                .param("patient", patient.value()).param("clinic", clinic.value()).param("due", Date.valueOf(dueOn))
                .param("answer", answer).param("today", Date.valueOf(today)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** The activities of the patient's latest PSFS, in their order: the ones the phone asks about. */
    List<String> lastActivities(ClinicId clinic, PatientId patient) {
        return jdbc.sql("""
                        select i.label from outcome_item i
                        where i.score_id = (select s.id from outcome_score s
                            where s.clinic_id = :clinic and s.patient_id = :patient and s.measure = :measure
                            order by s.taken_on desc, s.created_at desc limit 1)
                        order by i.position""")
                .param("clinic", clinic.value()).param("patient", patient.value()).param("measure", Measure.PSFS.id())
                .query(String.class).list();
    }
}

package org.homestretch.alert;

import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Who is told about a patient's warning sign: the patient's therapist, or the clinic's admins
 * when the patient has none (or theirs can no longer sign in). Always within the clinic of the
 * check-in, which came from the stored record, never from a request.
 */
@Repository
class AlertRecipients {

    private final JdbcClient jdbc;

    AlertRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> staff(ClinicId clinicId, PatientId patientId) {
        List<String> therapist = jdbc.sql("""
                        select u.email from patient p
                          join app_user u on u.id = p.therapist_id and u.clinic_id = p.clinic_id
                         where p.id = :patient and p.clinic_id = :clinic and u.enabled""")
                .param("patient", patientId.value())
                .param("clinic", clinicId.value())
                .query(String.class).list();
        if (!therapist.isEmpty()) {
            return therapist;
        }
        return jdbc.sql("select email from app_user where clinic_id = :clinic and role = 'ADMIN' and enabled "
                        + "order by lower(email)")
                .param("clinic", clinicId.value())
                .query(String.class).list();
    }
}

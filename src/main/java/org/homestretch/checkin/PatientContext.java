package org.homestretch.checkin;

import org.homestretch.patient.PatientId;
import org.homestretch.program.ProgramId;
import org.homestretch.security.ClinicId;

import java.time.ZoneId;
import java.util.UUID;

/**
 * Who is on the patient page, resolved from their session cookie: one program of one clinic.
 * Every patient-side read and write takes this, never an id from the request.
 */
record PatientContext(UUID accessId, ClinicId clinicId, ProgramId programId, PatientId patientId,
                      String firstName, String clinicName, String clinicPhone, String outOfHoursPhone,
                      String emergencyNumber, ZoneId zone) {

    @Override
    public String toString() {
        // No name: contexts may end up in logs.
        return "PatientContext[access " + accessId + "]";
    }
}

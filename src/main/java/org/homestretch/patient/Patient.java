package org.homestretch.patient;

import org.homestretch.security.ClinicId;

/** A patient record as the clinic's staff see it. */
public record Patient(PatientId id, ClinicId clinicId, PatientDetails details, String therapistName,
                      boolean archived, int version) {

    public String fullName() {
        return details.fullName();
    }

    @Override
    public String toString() {
        return "Patient[" + id.value() + "]"; // patient data never goes to logs
    }
}

package org.homestretch.program;

import org.homestretch.patient.PatientId;

/** A published version together with the patient it was written for (handouts need both). */
public record PublishedVersion(PatientId patientId, ProgramVersion version) {
}

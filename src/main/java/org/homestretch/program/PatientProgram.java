package org.homestretch.program;

import org.homestretch.patient.PatientId;

import java.util.List;

/** A patient's current program: version 0 with no items until the first save. */
public record PatientProgram(PatientId patientId, int version, List<ProgramItem> items) {
}

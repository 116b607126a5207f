package org.homestretch.checkin;

import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;

import java.util.UUID;

/**
 * A newly stored check-in (from the phone page or the paper log) reports at least one warning
 * sign. Published once per check-in, inside its transaction: a resend of the same form is the
 * same check-in and publishes nothing. Listeners that reach outside (e-mail) should wait for the
 * commit.
 */
public record WarningSignReported(ClinicId clinicId, PatientId patientId, UUID checkinId) {
}

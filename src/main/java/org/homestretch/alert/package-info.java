/**
 * E-mail alerts: when a patient reports a warning sign, the treating therapist (or, without one,
 * the clinic's admins) and the clinic-wide alert address get one e-mail each, naming no patient.
 * Sent after the check-in is committed, in the background, only when the server has mail settings.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a decision.
@org.springframework.modulith.ApplicationModule(displayName = "E-mail alerts", allowedDependencies = {"base", "checkin", "clinic", "patient", "security"})
package org.homestretch.alert;

/**
 * Patient records: names, contact details, the treating therapist and notes, always scoped to
 * the signed-in user's clinic. Every read and write goes through {@link PatientService}.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a
// decision. "audit" is allowed for every feature that touches patient data or settings, used or not yet.
@org.springframework.modulith.ApplicationModule(displayName = "Patients", allowedDependencies = {"audit", "base", "clinic", "security"})
package org.homestretch.patient;

/**
 * Patient records: names, contact details, the treating therapist and notes, always scoped to
 * the signed-in user's clinic. Every read and write goes through {@link PatientService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients")
package org.homestretch.patient;

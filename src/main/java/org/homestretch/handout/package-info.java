/**
 * Printable handouts: a program version rendered to PDF with OpenPDF, for the patient to take
 * home, with an optional paper log. Served at {@code /handouts/{programVersionId}.pdf}, scoped to
 * the signed-in user's clinic.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a
// decision. "audit" is allowed for every feature that touches patient data or settings, used or not yet.
@org.springframework.modulith.ApplicationModule(displayName = "Handouts", allowedDependencies = {"audit", "base", "catalog", "checkin", "clinic", "patient", "program", "security"})
package org.homestretch.handout;

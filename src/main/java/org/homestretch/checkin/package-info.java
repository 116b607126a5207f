/**
 * Patient check-off: the link, QR code and short code that let a patient in without a
 * password, the phone page where they tick off sessions and report pain and warning symptoms,
 * and the check-in records their therapist reviews (including entries from the paper log).
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a
// decision. "audit" is allowed for every feature that touches patient data or settings, used or not yet.
@org.springframework.modulith.ApplicationModule(displayName = "Patient check-off", allowedDependencies = {"audit", "base", "catalog", "clinic", "outcome", "patient", "program", "security"})
package org.homestretch.checkin;

/**
 * Adherence review: how much of their program each patient did (sessions done against sessions
 * prescribed, see docs/ADHERENCE.md), who needs attention and why (the {@code /adherence}
 * dashboard), one patient's calendar, pain chart and comments, and exports of what they reported.
 * Reads the check-ins recorded by the check-in feature; every figure is computed in the clinic's
 * time zone from the injected clock.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a
// decision. "audit" is allowed for every feature that touches patient data or settings, used or not yet.
@org.springframework.modulith.ApplicationModule(displayName = "Adherence review", allowedDependencies = {"audit", "base", "catalog", "checkin", "clinic", "outcome", "patient", "program", "security"})
package org.homestretch.adherence;

/**
 * Clinic settings for admins: the clinic's therapists and admins (add, disable, re-enable), and
 * its details: name, phone and logo for handouts, time zone, and how the clinic writes dates.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a
// decision. "audit" is allowed for every feature that touches patient data or settings, used or not yet.
@org.springframework.modulith.ApplicationModule(displayName = "Clinic settings", allowedDependencies = {"audit", "base", "image", "security"})
package org.homestretch.clinic;

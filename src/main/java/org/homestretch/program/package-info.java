/**
 * Home programs: a patient's exercises with dosage, published as immutable versions with a
 * plain account of what changed, and templates to start from.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a
// decision. "audit" is allowed for every feature that touches patient data or settings, used or not yet.
@org.springframework.modulith.ApplicationModule(displayName = "Home programs", allowedDependencies = {"audit", "base", "catalog", "clinic", "patient", "security"})
package org.homestretch.program;

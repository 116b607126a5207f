/**
 * Demo data for trying HomeStretch in one command ({@code SPRING_PROFILES_ACTIVE=demo}).
 * Depends on the features it fills; nothing depends on it.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a decision.
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = {"base", "catalog", "clinic", "database", "patient", "program", "security"})
package org.homestretch.demo;

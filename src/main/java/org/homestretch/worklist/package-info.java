/**
 * The therapist's home page: what needs them now, most urgent first (unreviewed warning signs,
 * high or rising pain, patients who stopped checking in, outcome scores getting worse), each with
 * "Open" and "Mark reviewed", and the count of unreviewed warning signs in the side navigation.
 * The flags and their reviews come from {@code adherence}, the outcome trends from {@code outcome};
 * see docs/WORKLIST.md.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a decision.
@org.springframework.modulith.ApplicationModule(displayName = "Worklist", allowedDependencies = {"adherence", "audit", "base", "clinic", "outcome", "patient", "security"})
package org.homestretch.worklist;

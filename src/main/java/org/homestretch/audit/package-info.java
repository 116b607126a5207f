/**
 * Audit trail: an append-only record of who did what to which patient, when and from which
 * address. Entries are written by services through {@link org.homestretch.audit.AuditLog} in the
 * same transaction as the change they record; each clinic's entries form a SHA-256 hash chain that
 * {@link org.homestretch.audit.AuditVerifier} checks. See docs/SECURITY.md.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest. Never a feature
// that records into the trail (cycle); "base" for the trail's own admin view.
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = {"base", "security"})
package org.homestretch.audit;

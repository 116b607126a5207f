/**
 * Who may do what: clinics (the unit of isolation), user accounts with roles, sign-in,
 * the signed-in user's identity for every service call, and the one-time first-run setup.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a decision.
@org.springframework.modulith.ApplicationModule(displayName = "Security and accounts", allowedDependencies = {"base"})
package org.homestretch.security;

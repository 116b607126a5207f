/**
 * Who may do what: clinics (the unit of isolation), user accounts with roles, sign-in,
 * the signed-in user's identity for every service call, and the one-time first-run setup.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security and accounts")
package org.homestretch.security;

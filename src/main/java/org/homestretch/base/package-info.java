/**
 * What every feature shares: the app shell (layout, side navigation, user menu), the start
 * page, the central error handler and small UI helpers. It depends on no feature; features
 * plug into the shell through {@link org.homestretch.base.ShellIdentity} and their own
 * {@code @Menu} entries.
 */
// Allowed dependencies: the ones used today, so that a new one fails ArchitectureTest and is a decision.
@org.springframework.modulith.ApplicationModule(displayName = "Base and app shell", allowedDependencies = {})
package org.homestretch.base;

/**
 * What every feature shares: the app shell (layout, side navigation, user menu), the start
 * page, the central error handler and small UI helpers. It depends on no feature; features
 * plug into the shell through {@link org.homestretch.base.ShellIdentity} and their own
 * {@code @Menu} entries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base and app shell")
package org.homestretch.base;

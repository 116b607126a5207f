/**
 * Demo data for trying HomeStretch in one command ({@code SPRING_PROFILES_ACTIVE=demo}).
 * Depends on the features it fills; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.homestretch.demo;

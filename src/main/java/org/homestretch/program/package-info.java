/**
 * Home programs: a patient's exercises with dosage, published as immutable versions with a
 * plain account of what changed, and templates to start from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home programs")
package org.homestretch.program;

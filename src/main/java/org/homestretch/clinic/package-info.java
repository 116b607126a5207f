/**
 * Clinic settings for admins: the clinic's therapists and admins (add, disable, re-enable),
 * and later its name, phone and logo for handouts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinic settings")
package org.homestretch.clinic;

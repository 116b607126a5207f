/**
 * Clinic settings for admins: the clinic's therapists and admins (add, disable, re-enable), and
 * its details: name, phone and logo for handouts, time zone, and how the clinic writes dates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinic settings")
package org.homestretch.clinic;

/**
 * Patient check-off: the link, QR code and short code that let a patient in without a
 * password, the phone page where they tick off sessions and report pain and warning symptoms,
 * and the check-in records their therapist reviews (including entries from the paper log).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patient check-off")
package org.homestretch.checkin;

/**
 * Printable handouts: a program version rendered to PDF with OpenPDF, for the patient to take
 * home, with an optional paper log. Served at {@code /handouts/{programVersionId}.pdf}, scoped to
 * the signed-in user's clinic.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handouts")
package org.homestretch.handout;

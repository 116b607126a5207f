package org.homestretch.checkin;

/** A choice the patient or therapist sees in words ("No time", "Easy"). */
interface Labelled {
    String label();
}

package org.homestretch.adherence;

import java.time.Instant;

/** A therapist marked a reason as reviewed: who (their name at the time of reading) and when. */
record Review(Reason reason, String reviewer, Instant at) {
}

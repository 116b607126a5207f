package org.homestretch.adherence;

import java.util.List;

/** A published version as the adherence view shows it: what it asks for and what changed. */
record ProgramChange(Prescription prescription, List<String> changes) {

    int number() {
        return prescription.versionNumber();
    }
}

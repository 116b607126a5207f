package org.homestretch.worklist;

import org.homestretch.adherence.AdherenceFlags;
import org.homestretch.outcome.Measure;
import org.homestretch.patient.PatientId;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that needs the therapist: who, what happened in plain words, and when. A flag from
 * the adherence dashboard carries its {@code flag}; a worsening outcome its measure and latest score.
 *
 * @param dayOnly {@code at} is a day (a lapsed patient's last check-in), not a moment
 */
record WorklistItem(Group group, PatientId patient, String patientName, String what, Instant at, boolean dayOnly,
                    AdherenceFlags.Kind flag, Measure measure, UUID score) {

    /** The groups of the list, in the order shown: the most urgent first. */
    enum Group {
        EMERGENCY("Emergency signs"),
        URGENT("Urgent warning signs"),
        PAIN("High or rising pain"),
        LAPSED("Stopped checking in"),
        OUTCOME("Outcome scores getting worse");

        final String title;

        Group(String title) {
            this.title = title;
        }
    }

    static WorklistItem of(AdherenceFlags.Flag f) {
        Group group = switch (f.kind()) {
            case EMERGENCY_SIGN -> Group.EMERGENCY;
            case URGENT_SIGN -> Group.URGENT;
            case PAIN -> Group.PAIN;
            case LAPSED -> Group.LAPSED;
        };
        return new WorklistItem(group, f.patient(), f.patientName(), f.what(), f.at(),
                f.kind() == AdherenceFlags.Kind.LAPSED, f.kind(), null, null);
    }

    boolean warningSign() {
        return group == Group.EMERGENCY || group == Group.URGENT;
    }

    @Override
    public String toString() {
        return "WorklistItem[" + patient.value() + ", " + group + "]"; // no names in logs
    }
}

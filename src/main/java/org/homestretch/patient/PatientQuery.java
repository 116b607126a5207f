package org.homestretch.patient;

import org.homestretch.base.UserText;

/** The patient list's search: a name, "my patients" or the whole clinic, archived or not. */
public record PatientQuery(String text, boolean mineOnly, boolean archived) {
    public PatientQuery {
        text = UserText.searchable(text);
    }
}

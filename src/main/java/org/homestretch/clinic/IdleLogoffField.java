package org.homestretch.clinic;

import com.vaadin.flow.component.textfield.IntegerField;

/** Clinic details: after how many minutes without activity staff are signed out. */
final class IdleLogoffField {

    private IdleLogoffField() {
    }

    static IntegerField create() {
        IntegerField field = new IntegerField("Sign out after this many minutes without activity");
        field.setMin(ClinicService.IDLE_LOGOFF_MIN);
        field.setMax(ClinicService.IDLE_LOGOFF_MAX);
        field.setStepButtonsVisible(true);
        field.setHelperText("From " + ClinicService.IDLE_LOGOFF_MIN + " to " + ClinicService.IDLE_LOGOFF_MAX
                + " minutes; 15 is usual. Two minutes before, staff are asked if they are still there.");
        return field;
    }
}

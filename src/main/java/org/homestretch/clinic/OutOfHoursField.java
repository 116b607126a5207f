package org.homestretch.clinic;

import com.vaadin.flow.component.textfield.TextField;
import org.homestretch.base.PhoneNumbers;

/** Clinic details: the line patients call about an urgent warning sign when the clinic is closed. */
final class OutOfHoursField {

    private OutOfHoursField() {
    }

    static TextField create(Clinic clinic) {
        TextField field = new TextField("Out-of-hours phone line");
        field.setMaxLength(PhoneNumbers.MAX_LENGTH);
        field.setValue(clinic.outOfHoursPhone());
        field.setHelperText("Optional. Given to patients with an urgent warning sign, next to the clinic's phone. "
                + "For an emergency sign they are told to call " + clinic.emergencyNumber() + ".");
        return field;
    }
}

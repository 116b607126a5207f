package org.homestretch.handout;

import org.homestretch.base.EmergencyNumber;
import org.homestretch.catalog.ExerciseFigure;

import java.time.LocalDate;
import java.util.List;

/** Everything printed on a handout, already resolved from the database; the renderer needs nothing else. */
record HandoutContent(String clinicName, String clinicPhone, String patientName, String patientInitials,
                      String therapistName, LocalDate date, int versionNumber, List<Item> items, byte[] logoJpeg,
                      PhoneAccess phoneAccess, String emergencyNumber, String outOfHoursPhone) {

    HandoutContent {
        clinicPhone = clinicPhone == null ? "" : clinicPhone.strip();
        emergencyNumber = emergencyNumber == null || emergencyNumber.isBlank() ? EmergencyNumber.FALLBACK : emergencyNumber;
        outOfHoursPhone = outOfHoursPhone == null ? "" : outOfHoursPhone.strip();
        items = List.copyOf(items);
    }

    /** Without a logo. */
    HandoutContent(String clinicName, String clinicPhone, String patientName, String patientInitials,
                   String therapistName, LocalDate date, int versionNumber, List<Item> items) {
        this(clinicName, clinicPhone, patientName, patientInitials, therapistName, date, versionNumber, items, null, null, null, null);
    }

    HandoutContent withLogo(byte[] jpeg) {
        return new HandoutContent(clinicName, clinicPhone, patientName, patientInitials, therapistName, date,
                versionNumber, items, jpeg, phoneAccess, emergencyNumber, outOfHoursPhone);
    }

    HandoutContent withPhoneAccess(PhoneAccess access) {
        return new HandoutContent(clinicName, clinicPhone, patientName, patientInitials, therapistName, date,
                versionNumber, items, logoJpeg, access, emergencyNumber, outOfHoursPhone);
    }

    /** The numbers in the warning-signs box: the emergency number of the clinic's country and its out-of-hours line. */
    HandoutContent withWarningLines(String emergency, String outOfHours) {
        return new HandoutContent(clinicName, clinicPhone, patientName, patientInitials, therapistName, date,
                versionNumber, items, logoJpeg, phoneAccess, emergency, outOfHours);
    }

    /**
     * How the patient reaches their check-off page: the link in the QR code, and for those who
     * cannot scan, the address to type and the short code.
     */
    record PhoneAccess(String link, String codePage, String code) {
        @Override
        public String toString() {
            return "PhoneAccess[hidden]";
        }
    }

    /**
     * One exercise as the patient reads it; {@code dosage} is the plain sentence from {@code DosageText};
     * {@code figure} is drawn in the exercise's frame, which stays empty when it is null.
     */
    record Item(String name, List<String> steps, String dosage, String note, List<String> tips, int timesPerDay,
                ExerciseFigure figure) {
        Item {
            steps = List.copyOf(steps);
            tips = tips == null ? List.of() : List.copyOf(tips);
            note = note == null ? "" : note.strip();
        }

        /** Without a figure. */
        Item(String name, List<String> steps, String dosage, String note, List<String> tips, int timesPerDay) {
            this(name, steps, dosage, note, tips, timesPerDay, null);
        }
    }
}

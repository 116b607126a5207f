package org.homestretch.base;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationResult;

/**
 * Every date field in the app reads and shows dates in the clinic's {@link DateStyle}. Without
 * this a field follows the browser's language, so "14/03/1948" typed on a US-English browser was
 * unreadable, the field turned red without a word, and the form saved no date at all.
 */
public final class DateFields {

    private static final String ISO = "yyyy-MM-dd";

    private DateFields() {
    }

    /**
     * The field accepts the clinic's order (and 1948-03-14 everywhere), shows its dates that way,
     * and says how to type a date when it cannot read one. The browser reads what it can; the
     * server reads the rest ({@link DateStyle#parse}), so both agree on what a date is.
     */
    public static DatePicker useClinicStyle(DatePicker picker, DateStyle style) {
        picker.setLocale(style.locale());
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormats(style.pattern(), ISO)
                .setFirstDayOfWeek(style.firstDayOfWeek().getValue() % 7)
                .setBadInputErrorMessage(style.unreadable()));
        picker.setFallbackParser(text -> style.parse(text).map(Result::ok)
                .orElseGet(() -> Result.error(style.unreadable())));
        picker.setPlaceholder(style.hint());
        return picker;
    }

    /**
     * False, with the field's own message shown next to it, when the field holds text that is
     * not a date (or a date outside its limits); the caller then saves nothing. The text stays.
     */
    public static boolean readable(DatePicker picker) {
        ValidationResult result = picker.getDefaultValidator().apply(picker.getValue(), null);
        if (result.isError()) {
            picker.setErrorMessage(result.getErrorMessage());
            picker.setInvalid(true);
            return false;
        }
        return true;
    }
}

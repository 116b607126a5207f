package org.homestretch.clinic;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.base.DateStyle;
import org.homestretch.base.PhoneNumbers;
import org.homestretch.base.UserText;
import org.homestretch.security.AccountException;
import org.homestretch.security.AccountRules;
import org.homestretch.security.ClinicId;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** The signed-in user's clinic: its details for everyone, changes for its admins only. */
@Service
public class ClinicService {

    /** Automatic logoff after this many minutes without activity: 15 unless the clinic chose otherwise. */
    public static final int IDLE_LOGOFF_MIN = 5, IDLE_LOGOFF_MAX = 60;

    private final ClinicRepository clinics;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    ClinicService(ClinicRepository clinics, CurrentUser currentUser, AuditLog audit) {
        this.audit = audit;
        this.clinics = clinics;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Clinic current() {
        return clinics.find(currentUser.require().clinicId())
                .orElseThrow(() -> new AccessDeniedException("Unknown clinic"));
    }

    /** Changes the clinic's name, phone and time zone, keeping how it writes dates. Admins only. */
    @Transactional
    public Clinic update(String name, String phone, ZoneId timeZone) {
        return update(name, phone, timeZone, current().locale());
    }

    /** Changes the clinic's name, phone, time zone and how it writes dates. Admins only. */
    @Transactional
    public Clinic update(String name, String phone, ZoneId timeZone, Locale locale) {
        SignedInUser admin = currentUser.require();
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change the clinic's details.");
        }
        AccountRules.checkName(name, "clinic name").ifPresent(message -> {
            throw new AccountException("clinicName", message);
        });
        PhoneNumbers.check(phone).ifPresent(message -> {
            throw new AccountException("phone", message);
        });
        if (timeZone == null) {
            throw new AccountException("timeZone", "Choose the clinic's time zone.");
        }
        if (DateStyle.find(locale).isEmpty()) {
            throw new AccountException("locale", "Choose how the clinic writes dates.");
        }
        clinics.update(admin.clinicId(), UserText.strip(name), UserText.strip(phone), timeZone, locale);
        audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, "details");
        return current();
    }

    /** Minutes without activity after which staff are signed out. */
    @Transactional(readOnly = true)
    public int idleLogoffMinutes() {
        return clinics.idleLogoffMinutes(currentUser.require().clinicId());
    }

    /**
     * Changes the automatic logoff time (5 to 60 minutes); every open session follows it from
     * its next request. Admins only.
     */
    @Transactional
    public void setIdleLogoffMinutes(Integer minutes) {
        SignedInUser admin = currentUser.require();
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change the clinic's details.");
        }
        if (minutes == null || minutes < IDLE_LOGOFF_MIN || minutes > IDLE_LOGOFF_MAX) {
            throw new AccountException("idleLogoff",
                    "Enter a number of minutes from " + IDLE_LOGOFF_MIN + " to " + IDLE_LOGOFF_MAX + ".");
        }
        clinics.updateIdleLogoffMinutes(admin.clinicId(), minutes);
        audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, "automatic logoff " + minutes + " minutes");
    }

    /** The clinic-wide address that also gets warning-sign alerts; empty when none is set. */
    @Transactional(readOnly = true)
    public String alertEmail() {
        return clinics.alertEmail(currentUser.require().clinicId()).orElse("");
    }

    /**
     * The clinic-wide alert address for a clinic, for sending alerts where nobody is signed in.
     * Not patient data: a clinic's own setting.
     */
    @Transactional(readOnly = true)
    public Optional<String> alertEmailOf(ClinicId clinicId) {
        return clinics.alertEmail(clinicId).filter(email -> !email.isBlank());
    }

    /** Sets or (when blank) clears the clinic-wide alert address. Admins only. */
    @Transactional
    public void setAlertEmail(String email) {
        SignedInUser admin = currentUser.require();
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change the clinic's details.");
        }
        String stripped = UserText.strip(email);
        if (stripped.isEmpty()) {
            clinics.updateAlertEmail(admin.clinicId(), null);
            audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, "alert e-mail cleared");
            return;
        }
        AccountRules.checkEmail(stripped).ifPresent(message -> {
            throw new AccountException("alertEmail", message);
        });
        clinics.updateAlertEmail(admin.clinicId(), stripped);
        audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, "alert e-mail set");
    }

    /**
     * Changes the line patients call about an urgent warning sign when the clinic is closed; empty for
     * none. Admins only.
     */
    @Transactional
    public void setOutOfHoursPhone(String phone) {
        SignedInUser admin = currentUser.require();
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an admin can change the clinic's details.");
        }
        PhoneNumbers.check(phone).ifPresent(message -> {
            throw new AccountException("outOfHoursPhone", message);
        });
        if (clinics.updateOutOfHoursPhone(admin.clinicId(), phone == null ? "" : UserText.strip(phone))) {
            audit.record(AuditAction.CLINIC_SETTINGS_CHANGED, null, "out-of-hours line");
        }
    }
}

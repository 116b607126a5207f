package org.homestretch.checkin;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.clinic.ClinicService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * "E-mail the link" on the check-ins page: the patient's phone link and code, sent to the e-mail
 * address on their record. The message names the clinic (so the patient trusts it) and nothing
 * about their health: no exercise, no program, no condition. Offered only when the server has
 * mail settings, as for the warning-sign alerts.
 */
@Service
class PatientLinkMail {

    static final String SUBJECT = "Your link to tick off your exercises";

    enum Result { SENT, NO_MAIL_SETTINGS, NO_EMAIL, NO_PROGRAM, NOT_SENT }

    private static final Logger log = LoggerFactory.getLogger(PatientLinkMail.class);

    private final ObjectProvider<MailSender> senders;
    private final AccessService access;
    private final PatientService patients;
    private final ClinicService clinics;
    private final AuditLog audit;
    private final String from;

    PatientLinkMail(ObjectProvider<MailSender> senders, AccessService access, PatientService patients,
                    ClinicService clinics, AuditLog audit, @Value("${homestretch.mail.from:}") String from) {
        this.senders = senders;
        this.access = access;
        this.patients = patients;
        this.clinics = clinics;
        this.audit = audit;
        this.from = from;
    }

    boolean mailIsOn() {
        return senders.getIfAvailable() != null;
    }

    /** The address on the patient's record, if there is one (another clinic's patient: empty). */
    Optional<String> addressOf(PatientId patientId) {
        return patients.find(patientId).map(p -> p.details().email()).filter(e -> !e.isBlank());
    }

    /**
     * Sends the link and code, issuing them if there are none yet, and records it once. A failed
     * send records nothing and is logged by exception type only (its message can quote the address).
     */
    @Transactional
    Result send(PatientId patientId) {
        MailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return Result.NO_MAIL_SETTINGS;
        }
        Optional<Patient> patient = patients.find(patientId);
        Optional<String> to = patient.map(p -> p.details().email()).filter(e -> !e.isBlank());
        if (to.isEmpty()) {
            return Result.NO_EMAIL;
        }
        Optional<AccessService.AccessInfo> info = access.ensure(patientId);
        if (info.isEmpty()) {
            return Result.NO_PROGRAM;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        if (!from.isBlank()) {
            message.setFrom(from);
        }
        message.setTo(to.get());
        message.setSubject(SUBJECT);
        message.setText(text(clinics.current().name(), info.get()));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not e-mail a patient their link ({})", e.getClass().getSimpleName());
            return Result.NOT_SENT;
        }
        audit.record(AuditAction.PATIENT_LINK_EMAILED, patientId.value(), "");
        return Result.SENT;
    }

    static String text(String clinicName, AccessService.AccessInfo info) {
        return "Hello,\n\n"
                + clinicName + " sent you this link. Open it on your phone to see your exercises and tick them off:\n\n"
                + info.link() + "\n\n"
                + "No link? Go to " + info.codePage() + " and type this code: " + info.code() + "\n\n"
                + "You do not need a password. Keep this e-mail to yourself: the link and code open your page.\n";
    }
}

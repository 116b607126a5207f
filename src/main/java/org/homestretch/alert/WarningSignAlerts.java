package org.homestretch.alert;

import jakarta.annotation.PreDestroy;
import org.homestretch.base.PublicAddress;
import org.homestretch.checkin.WarningSignReported;
import org.homestretch.clinic.ClinicService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends the warning-sign e-mails. Only after the check-in is committed (a rolled-back one was
 * never reported), and on a small pool of its own: a slow or absent mail server must never
 * hold up or fail the patient's page. A failed send is tried again twice, waiting longer each
 * time; then it is given up and logged by kind only (an exception can quote the addresses).
 */
@Component
class WarningSignAlerts {

    static final String SUBJECT = "HomeStretch: a patient reported a warning sign";
    static final int TRIES = 3;
    private static final int QUEUE = 200;

    private static final Logger log = LoggerFactory.getLogger(WarningSignAlerts.class);

    private final ObjectProvider<MailSender> senders;
    private final AlertRecipients recipients;
    private final ClinicService clinics;
    private final PublicAddress publicAddress;
    private final String from;
    private final Duration firstRetry;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "warning-sign-alerts");
                thread.setDaemon(true);
                return thread;
            });
    private final Object idle = new Object();
    private int pending;

    WarningSignAlerts(ObjectProvider<MailSender> senders, AlertRecipients recipients, ClinicService clinics,
                      PublicAddress publicAddress, @Value("${homestretch.mail.from:}") String from,
                      @Value("${homestretch.alerts.first-retry:PT2S}") Duration firstRetry) {
        this.senders = senders;
        this.recipients = recipients;
        this.clinics = clinics;
        this.publicAddress = publicAddress;
        this.from = from;
        this.firstRetry = firstRetry;
        pool.allowCoreThreadTimeOut(true);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void reported(WarningSignReported event) {
        MailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return; // No mail settings: the check-ins and adherence pages still show the warning.
        }
        synchronized (idle) {
            pending++;
        }
        try {
            pool.execute(() -> {
                try {
                    send(sender, event);
                } catch (RuntimeException e) {
                    log.warn("Could not send warning-sign alerts ({})", e.getClass().getSimpleName());
                } finally {
                    done();
                }
            });
        } catch (RejectedExecutionException e) {
            done();
            log.warn("Warning-sign alert not sent: too many waiting to be sent");
        }
    }

    private void send(MailSender sender, WarningSignReported event) {
        // One e-mail per address, even when the clinic address is also a therapist's.
        Map<String, Alert> alerts = new LinkedHashMap<>();
        clinics.alertEmailOf(event.clinicId())
                .ifPresent(email -> alerts.put(key(email), new Alert(email.strip(), clinicText())));
        for (String email : recipients.staff(event.clinicId(), event.patientId())) {
            alerts.put(key(email), new Alert(email.strip(), therapistText()));
        }
        alerts.values().forEach(alert -> sendWithRetries(sender, alert.to(), alert.text()));
    }

    private record Alert(String to, String text) {
    }

    private void sendWithRetries(MailSender sender, String to, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        if (!from.isBlank()) {
            message.setFrom(from);
        }
        message.setTo(to);
        message.setSubject(SUBJECT);
        message.setText(text);
        Duration wait = firstRetry;
        for (int attempt = 1; ; attempt++) {
            try {
                sender.send(message);
                return;
            } catch (MailException e) {
                if (attempt == TRIES) {
                    log.warn("Could not send a warning-sign alert after {} tries ({})", TRIES,
                            e.getClass().getSimpleName());
                    return;
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2);
        }
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    String therapistText() {
        return "A patient of yours reported a warning sign. Open HomeStretch to see who: "
                + publicAddress.link("/") + "\n";
    }

    String clinicText() {
        return "A patient of your clinic reported a warning sign. Open HomeStretch to see who: "
                + publicAddress.link("/") + "\n";
    }

    private void done() {
        synchronized (idle) {
            pending--;
            idle.notifyAll();
        }
    }

    /** For tests: waits until every alert handed over so far has been sent or given up. */
    boolean awaitIdle(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}

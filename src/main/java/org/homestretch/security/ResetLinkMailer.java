package org.homestretch.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/**
 * Emails a reset link when mail is set up ({@code spring.mail.host}); Spring Boot makes a mail
 * sender only then. Without one, or when sending fails, the admin passes the link on themselves.
 */
@Component
class ResetLinkMailer {

    private static final Logger log = LoggerFactory.getLogger(ResetLinkMailer.class);

    private final ObjectProvider<MailSender> senders;
    private final String from;

    ResetLinkMailer(ObjectProvider<MailSender> senders, @Value("${homestretch.mail.from:}") String from) {
        this.senders = senders;
        this.from = from;
    }

    /** True when the message was handed to the mail server. */
    boolean send(String to, String name, String adminName, String url) {
        MailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        if (!from.isBlank()) {
            message.setFrom(from);
        }
        message.setTo(to);
        message.setSubject("Set a new password for HomeStretch");
        message.setText(text(name, adminName, url));
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            // The exception can quote the message; only its kind is logged, never the link.
            log.warn("Could not send a password reset email ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    static String text(String name, String adminName, String url) {
        return """
                Hello %s,

                %s has made a link for you to set a new password for HomeStretch.
                Open it within 24 hours. It works only once:

                %s

                If you did not ask for this, tell your clinic admin.
                """.formatted(name, adminName, url);
    }
}

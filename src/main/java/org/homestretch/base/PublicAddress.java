package org.homestretch.base;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the address printed in handouts' QR codes ({@code homestretch.public-url}) can work
 * on a patient's phone. Left unset it is http://localhost:8080, which on a phone means the phone
 * itself: every printed code leads nowhere. Admins are told on the clinic settings page and the
 * home page, and the log says so once at start-up. The demo, tried on one computer, is left alone.
 */
@Component
public class PublicAddress {

    public static final String PROPERTY = "homestretch.public-url";

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final Environment environment;

    PublicAddress(Environment environment) {
        this.environment = environment;
    }

    /** What an admin needs to read and do; empty when the address is fine. Read at use, like the handouts. */
    public Optional<String> warningForAdmins() {
        return problem().map(shown -> "Handouts print " + shown + " in their QR code; patients' phones cannot "
                + "reach that. Set HOMESTRETCH_PUBLIC_URL to the address people use to reach this server.");
    }

    /**
     * What a therapist needs: the codes they print will not open, and who can fix it. The variable's
     * name means nothing to them and they cannot set it.
     */
    public Optional<String> warningForTherapists() {
        return problem().map(shown -> "QR codes on handouts point to " + shown + " and will not open on "
                + "patients' phones yet. Ask your admin to set the server's public address.");
    }

    /**
     * A full address of a page of this server, such as {@code link("/adherence")} for an e-mail.
     * Read at use, so that it may name the port the server got (tests use a random one).
     */
    public String link(String path) {
        String url = environment.getProperty(PROPERTY, "").strip();
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + path;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        problem().ifPresent(shown -> log.warn("Handouts print {} in their QR code, which patients' phones cannot "
                + "reach. Set HOMESTRETCH_PUBLIC_URL to the address people use to reach this server, "
                + "for example https://homestretch.example-clinic.org", shown));
    }

    private Optional<String> problem() {
        if (environment.matchesProfiles("demo")) {
            return Optional.empty();
        }
        return problem(environment.getProperty(PROPERTY, ""));
    }

    /**
     * The address as it would be shown, when phones cannot reach it: unset, unreadable, or this
     * computer itself (localhost, 127.x.x.x, ::1, 0.0.0.0). Shown without any user name or
     * password that someone put in the address, so nothing secret reaches a page or a log.
     */
    static Optional<String> problem(String configured) {
        String url = configured == null ? "" : configured.strip();
        if (url.isEmpty()) {
            return Optional.of("an empty address");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("an address that is not a web address");
        }
        String host = uri.getHost();
        if (uri.getScheme() == null || host == null) {
            return Optional.of("an address that is not a web address");
        }
        if (!isThisComputer(host)) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    private static boolean isThisComputer(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127(\\.\\d{1,3}){3}")
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.equals("0.0.0.0");
    }
}

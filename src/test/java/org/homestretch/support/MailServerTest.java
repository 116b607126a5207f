package org.homestretch.support;

import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Karibu tests against a real SMTP server (GreenMail). Every subclass shares this one Spring
 * context with mail settings: the property source is this class's, so the context cache sees
 * the same configuration. Each test starts and stops its own GreenMail on {@link #SMTP}.
 */
public abstract class MailServerTest extends KaribuTest {

    private static final int PORT = freePort();
    protected static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        // Long enough that the alert tries against a stopped server are still going when the post returns.
        registry.add("homestretch.alerts.first-retry", () -> "PT1S");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

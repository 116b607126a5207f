package org.homestretch.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Pages opened from a link with a secret in it (a password reset, the first-run setup) tell the
 * browser never to pass their address on as a referrer, not even to this server.
 */
@Component
class TokenPages implements VaadinServiceInitListener {

    static final Set<String> PATHS = Set.of("/reset-password", "/setup");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            String path = response.getVaadinRequest().getPathInfo();
            if (path != null && PATHS.contains(path)) {
                response.getVaadinResponse().setHeader("Referrer-Policy", "no-referrer");
                response.getDocument().head().prependElement("meta")
                        .attr("name", "referrer").attr("content", "no-referrer");
            }
        });
    }
}

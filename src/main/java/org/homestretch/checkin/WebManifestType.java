package org.homestretch.checkin;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves the phone page's web manifest ({@code static/patient.webmanifest}) with its own content
 * type: the server's built-in list does not know the {@code .webmanifest} ending.
 */
@Component
class WebManifestType implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        MimeMappings mappings = new MimeMappings();
        mappings.add("webmanifest", "application/manifest+json");
        factory.addMimeMappings(mappings);
    }
}

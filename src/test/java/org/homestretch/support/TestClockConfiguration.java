package org.homestretch.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Picked up by component scanning in every context with the "test" profile, so that a test can
 * move time without asking for a context of its own: each extra Spring context costs a database
 * and start-up time, and Vaadin keeps some state per servlet context that a second one disturbs.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}

package org.homestretch.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses count as one client for the sign-in delay. */
class ClientAddressTest {

    @Test
    void every_loopback_address_is_one_client() {
        assertThat(ClientAddress.key("::1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.key("0:0:0:0:0:0:0:1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.key("[::1]")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.key("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.key("127.0.1.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void an_ipv4_address_written_as_ipv6_is_that_ipv4_address() {
        assertThat(ClientAddress.key("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.key("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.key("203.0.113.10")).isNotEqualTo(ClientAddress.key("203.0.113.9"));
    }

    @Test
    void ipv6_addresses_count_per_64_bit_prefix() {
        String one = ClientAddress.key("2001:db8:1:2:3:4:5:6");
        assertThat(one).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:DB8:1:2:ffff::9%eth0")).isEqualTo(one);
        assertThat(ClientAddress.key("2001:db8:1:3::6")).isNotEqualTo(one);
    }

    @Test
    void anything_else_is_counted_as_written_and_never_looked_up() {
        assertThat(ClientAddress.key(null)).isEqualTo("unknown");
        assertThat(ClientAddress.key(" ")).isEqualTo("unknown");
        assertThat(ClientAddress.key("Proxy.Example.org")).isEqualTo("proxy.example.org");
        assertThat(ClientAddress.key("x".repeat(100))).hasSize(64);
        assertThat(ClientAddress.key("1:2:3")).isEqualTo("unknown");
    }
}

package org.homestretch.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class PublicAddressTest {

    @Test
    void an_address_on_this_computer_is_a_problem() {
        assertThat(PublicAddress.problem("http://localhost:8080")).contains("http://localhost:8080");
        assertThat(PublicAddress.problem("http://LOCALHOST:8080/")).contains("http://localhost:8080");
        assertThat(PublicAddress.problem("http://127.0.0.1:8080")).contains("http://127.0.0.1:8080");
        assertThat(PublicAddress.problem("http://127.1.2.3")).contains("http://127.1.2.3");
        assertThat(PublicAddress.problem("http://[::1]:8080")).contains("http://[::1]:8080");
        assertThat(PublicAddress.problem("http://0.0.0.0:8080")).isPresent();
        assertThat(PublicAddress.problem("http://app.localhost")).isPresent();
        assertThat(PublicAddress.problem("")).isPresent();
        assertThat(PublicAddress.problem(null)).isPresent();
        assertThat(PublicAddress.problem("homestretch.example.org")).isPresent();
    }

    @Test
    void an_address_other_computers_can_reach_is_fine() {
        assertThat(PublicAddress.problem("https://homestretch.example-clinic.org")).isEmpty();
        assertThat(PublicAddress.problem("http://192.168.1.20:8080")).isEmpty();
        assertThat(PublicAddress.problem("http://localhost-clinic.example.org")).isEmpty();
        assertThat(PublicAddress.problem("http://clinic-server:8080")).isEmpty();
    }

    @Test
    void the_warning_never_shows_a_password_put_in_the_address() {
        assertThat(PublicAddress.problem("http://admin:s3cret@localhost:8080/?token=abc"))
                .contains("http://localhost:8080");
    }

    @Test
    void admins_are_told_what_to_set_and_therapists_whom_to_ask() {
        PublicAddress address = new PublicAddress(new MockEnvironment()
                .withProperty(PublicAddress.PROPERTY, "http://localhost:8080"));

        assertThat(address.warningForAdmins()).contains("Handouts print http://localhost:8080 in their QR code; "
                + "patients' phones cannot reach that. Set HOMESTRETCH_PUBLIC_URL to the address people use to "
                + "reach this server.");
        assertThat(address.warningForTherapists()).hasValueSatisfying(text -> assertThat(text)
                .contains("http://localhost:8080").contains("Ask your admin").doesNotContain("HOMESTRETCH_PUBLIC_URL"));
    }

    @Test
    void no_warning_for_a_real_address_or_for_the_demo() {
        assertThat(new PublicAddress(new MockEnvironment()
                .withProperty(PublicAddress.PROPERTY, "https://homestretch.example-clinic.org"))
                .warningForAdmins()).isEmpty();
        MockEnvironment demo = new MockEnvironment().withProperty(PublicAddress.PROPERTY, "http://localhost:8080");
        demo.setActiveProfiles("demo");
        assertThat(new PublicAddress(demo).warningForAdmins()).isEmpty();
        assertThat(new PublicAddress(demo).warningForTherapists()).isEmpty();
    }

    @Test
    void start_up_logs_one_warning_without_secrets(CapturedOutput output) {
        new PublicAddress(new MockEnvironment()
                .withProperty(PublicAddress.PROPERTY, "http://admin:s3cret@localhost:8080")).announce();

        assertThat(output.getOut().lines().filter(line -> line.contains("WARN")).toList())
                .singleElement().satisfies(line -> assertThat(line)
                        .contains("Handouts print http://localhost:8080 in their QR code")
                        .contains("Set HOMESTRETCH_PUBLIC_URL")
                        .doesNotContain("s3cret").doesNotContain("admin"));
    }

    @Test
    void start_up_logs_nothing_for_a_real_address(CapturedOutput output) {
        new PublicAddress(new MockEnvironment()
                .withProperty(PublicAddress.PROPERTY, "https://homestretch.example-clinic.org")).announce();

        assertThat(output.getOut()).doesNotContain("HOMESTRETCH_PUBLIC_URL");
    }
}

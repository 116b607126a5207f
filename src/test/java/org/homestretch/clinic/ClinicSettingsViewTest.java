package org.homestretch.clinic;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import org.homestretch.security.AccountService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClinicSettingsViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    AccountService accounts;
    @Autowired
    ClinicLogos logos;

    @Test
    void admin_sets_the_phone_printed_on_handouts_with_a_message_for_a_bad_number() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/clinic");
        ClinicSettingsView view = _get(ClinicSettingsView.class);

        type(view.phone, "call the desk");
        _click(view.save);
        assertThat(view.phone.isInvalid()).isTrue();
        assertThat(view.phone.getErrorMessage()).contains("6 to 20 digits");
        assertThat(accounts.currentClinic().phone()).isEmpty();

        type(view.phone, "+44 20 7946 0018");
        type(view.timeZone, ZoneId.of("Europe/London"));
        _click(view.save);
        assertThat(view.phone.isInvalid()).isFalse();
        assertThat(accounts.currentClinic().phone()).isEqualTo("+44 20 7946 0018");
        assertThat(accounts.currentClinic().timeZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void admin_uploads_a_logo_stored_as_jpeg_and_a_wrong_file_is_refused_with_a_message() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/clinic");
        LogoField field = _get(ClinicSettingsView.class).logo;

        _upload(field.upload, "logo.gif", "image/png", "GIF89a not really".getBytes());
        assertThat(field.error.isVisible()).isTrue();
        assertThat(field.error.getText()).contains("not a PNG or JPEG");
        assertThat(logos.find()).isEmpty();

        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 80,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        _upload(field.upload, "logo.png", "image/png", png.toByteArray());

        assertThat(field.error.isVisible()).isFalse();
        byte[] stored = logos.find().orElseThrow();
        assertThat(stored[0] & 0xFF).isEqualTo(0xFF);
        assertThat(stored[1] & 0xFF).isEqualTo(0xD8);
        assertThat(field.status.getText()).isEqualTo("A logo is set.");

        byte[] tooBig = new byte[ClinicLogos.MAX_BYTES + 1];
        System.arraycopy(png.toByteArray(), 0, tooBig, 0, png.size());
        assertThatThrownBy(() -> logos.upload(tooBig)).hasMessageContaining("larger than 1 MB");

        _click(field.remove);
        assertThat(logos.find()).isEmpty();
    }

    @Test
    void a_therapist_cannot_change_clinic_details() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);

        assertThatThrownBy(() -> UI.getCurrent().navigate("settings/clinic"))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> accounts.updateClinic("Renamed", "", ZoneId.of("UTC")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> logos.upload(new byte[]{1, 2, 3}))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}

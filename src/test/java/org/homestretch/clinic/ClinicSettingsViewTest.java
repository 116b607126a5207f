package org.homestretch.clinic;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import org.homestretch.base.DateStyle;
import org.homestretch.security.AccountService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneId;
import java.util.Locale;

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
    org.homestretch.clinic.ClinicService clinics;
    @Autowired
    ClinicLogos logos;
    @Autowired
    JdbcClient jdbc;

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
        assertThat(clinics.current().phone()).isEmpty();

        type(view.phone, "+44 20 7946 0018");
        type(view.timeZone, ZoneId.of("Europe/London"));
        _click(view.save);
        assertThat(view.phone.isInvalid()).isFalse();
        assertThat(clinics.current().phone()).isEqualTo("+44 20 7946 0018");
        assertThat(clinics.current().timeZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void admin_sets_an_out_of_hours_line_with_a_message_for_a_bad_number() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/clinic");
        ClinicSettingsView view = _get(ClinicSettingsView.class);
        type(view.timeZone, ZoneId.of("Europe/London"));

        type(view.outOfHours, "ring the pager");
        _click(view.save);
        assertThat(view.outOfHours.isInvalid()).isTrue();
        assertThat(view.outOfHours.getErrorMessage()).contains("6 to 20 digits");
        assertThat(clinics.current().outOfHoursPhone()).isEmpty();

        type(view.outOfHours, " 0800 123 4567 ");
        _click(view.save);
        assertThat(view.outOfHours.isInvalid()).isFalse();
        assertThat(clinics.current().outOfHoursPhone()).isEqualTo("0800 123 4567");
        assertThat(jdbc.sql("select count(*) from clinic where out_of_hours_phone = '0800 123 4567'")
                .query(Integer.class).single()).isEqualTo(1);
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
    void admin_chooses_how_the_clinic_writes_dates() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/clinic");
        ClinicSettingsView view = _get(ClinicSettingsView.class);
        assertThat(view.dateStyle.getValue()).isEqualTo(DateStyle.DEFAULT);
        assertThat(view.dateStyle.getItemLabelGenerator().apply(DateStyle.DEFAULT))
                .isEqualTo("United Kingdom: 14/03/1948");

        type(view.dateStyle, DateStyle.find(Locale.US).orElseThrow());
        _click(view.save);

        assertThat(jdbc.sql("select locale from clinic where id = :id").param("id", clinic.clinicId.value())
                .query(String.class).single()).isEqualTo("en-US");
        UI.getCurrent().navigate("settings/users");
        UI.getCurrent().navigate("settings/clinic");
        assertThat(_get(ClinicSettingsView.class).dateStyle.getValue().label()).isEqualTo("United States: 03/14/1948");

        type(_get(ClinicSettingsView.class).dateStyle, null);
        _click(_get(ClinicSettingsView.class).save);
        assertThat(_get(ClinicSettingsView.class).dateStyle.isInvalid()).isTrue();
        assertThat(_get(ClinicSettingsView.class).dateStyle.getErrorMessage()).isEqualTo("Choose how the clinic writes dates.");
        assertThat(clinics.current().locale()).isEqualTo(Locale.US);
    }

    @Test
    void admin_is_warned_on_the_settings_page_that_handouts_print_localhost() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);

        UI.getCurrent().navigate("settings/clinic");

        ClinicSettingsView view = _get(ClinicSettingsView.class);
        assertThat(view.addressWarning.isVisible()).isTrue();
        assertThat(view.addressWarning.getText()).startsWith("Handouts print http://localhost:")
                .contains("in their QR code; patients' phones cannot reach that.")
                .endsWith("Set HOMESTRETCH_PUBLIC_URL to the address people use to reach this server.");
    }

    @Test
    void a_therapist_cannot_change_clinic_details() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);

        assertThatThrownBy(() -> UI.getCurrent().navigate("settings/clinic"))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> clinics.update("Renamed", "", ZoneId.of("UTC")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> logos.upload(new byte[]{1, 2, 3}))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void admin_sets_the_automatic_logoff_time_with_a_message_next_to_the_field_when_out_of_range() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/clinic");
        ClinicSettingsView view = _get(ClinicSettingsView.class);
        assertThat(view.idleLogoff.getValue()).isEqualTo(15);

        type(view.idleLogoff, 3);
        _click(view.save);
        assertThat(view.idleLogoff.isInvalid()).isTrue();
        assertThat(view.idleLogoff.getErrorMessage()).isEqualTo("Enter a number of minutes from 5 to 60.");
        assertThat(clinics.idleLogoffMinutes()).isEqualTo(15);

        view.idleLogoff.clear();
        _click(view.save);
        assertThat(view.idleLogoff.isInvalid()).isTrue();
        assertThat(clinics.idleLogoffMinutes()).isEqualTo(15);

        type(view.idleLogoff, 30);
        _click(view.save);
        assertThat(view.idleLogoff.isInvalid()).isFalse();
        assertThat(jdbc.sql("select idle_logoff_minutes from clinic where id = ?").param(clinic.clinicId.value())
                .query(Integer.class).single()).isEqualTo(30);
    }

    @Test
    void only_an_admin_may_change_the_automatic_logoff_time() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        assertThatThrownBy(() -> clinics.setIdleLogoffMinutes(30))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(clinics.idleLogoffMinutes()).isEqualTo(15);
    }

    @Test
    void admin_sets_a_clinic_wide_alert_address_with_a_message_for_a_bad_one() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/clinic");
        AlertEmailField alerts = _get(ClinicSettingsView.class).alerts;
        assertThat(alerts.status.getText()).isEqualTo("E-mail alerts are off: this server has no mail settings.");

        type(alerts.address, "front desk");
        _click(alerts.save);
        assertThat(alerts.address.isInvalid()).isTrue();
        assertThat(alerts.address.getErrorMessage()).isEqualTo("Enter an email address like name@clinic.org.");
        assertThat(alertEmailColumn(clinic)).isNull();

        type(alerts.address, " desk@clinic.example.org ");
        _click(alerts.save);
        assertThat(alerts.address.isInvalid()).isFalse();
        assertThat(alertEmailColumn(clinic)).isEqualTo("desk@clinic.example.org");

        type(alerts.address, "");
        _click(alerts.save);
        assertThat(alertEmailColumn(clinic)).isNull();
    }

    private String alertEmailColumn(TestAccounts clinic) {
        return jdbc.sql("select alert_email from clinic where id = :id").param("id", clinic.clinicId.value())
                .query(String.class).optional().orElse(null);
    }
}

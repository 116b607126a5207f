package org.homestretch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin looks after the clinic in a real browser: renames it (saving twice, and again after a
 * reload), uploads a wrong file and then a logo, adds a therapist and disables them, with the
 * database checked after every step. Then dates of birth typed the British way, and one that is
 * not a date at all. Everything is put back at the end: other browser tests expect the demo clinic.
 */
class ClinicSettingsEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void admin_renames_the_clinic_sets_a_logo_adds_a_therapist_and_disables_them() throws Exception {
        UUID clinic = demoClinic();
        String originalName = clinicName(clinic);
        int clinics = count("select count(*) from clinic");
        int accounts = accounts(clinic);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String renamed = "Riverside Physio " + suffix;
        String therapistName = "Jo Reyes " + suffix;
        String therapistEmail = "jo-" + suffix + "@demo.homestretch.org";
        try {
            signInAsAdmin();
            browser.get(url("/settings/clinic"));
            WebElement name = input("vaadin-text-field", "Clinic name");
            // The demo runs on one computer: no warning about the public address there.
            assertThat(browser.findElements(By.cssSelector(".hs-warning")))
                    .allSatisfy(w -> assertThat(w.isDisplayed()).isFalse());

            // 1. Rename; Save clicked twice, as people do.
            name.sendKeys(Keys.chord(Keys.CONTROL, "a"), renamed, Keys.TAB);
            int version = clinicVersion(clinic);
            click(button("Save"));
            click(button("Save"));
            wait.until(d -> clinicVersion(clinic) == version + 2);
            assertThat(clinicName(clinic)).isEqualTo(renamed);
            assertThat(count("select count(*) from clinic")).isEqualTo(clinics);
            assertThat(logos(clinic)).isZero();
            assertThat(accounts(clinic)).isEqualTo(accounts);

            // ...and after a reload the new name is in the header and the form; saving again changes nothing else.
            browser.navigate().refresh();
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".hs-clinic-name"), renamed));
            assertThat(input("vaadin-text-field", "Clinic name").getDomProperty("value")).isEqualTo(renamed);
            click(button("Save"));
            wait.until(d -> clinicVersion(clinic) == version + 3);
            assertThat(clinicName(clinic)).isEqualTo(renamed);
            assertThat(count("select count(*) from clinic")).isEqualTo(clinics);
            assertThat(accounts(clinic)).isEqualTo(accounts);

            // 2. A file that is not a picture is refused with a message; the next, real logo is taken.
            WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".hs-logo-field vaadin-upload")));
            fileInput(upload).sendKeys(notAPicture().toString());
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".hs-logo-field .hs-form-error")));
            assertThat(error.getText()).contains("not a PNG or JPEG");
            assertThat(logos(clinic)).isZero();

            fileInput(upload).sendKeys(logoPng().toString());
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".hs-logo-field > span"), "A logo is set."));
            assertThat(browser.findElements(By.cssSelector(".hs-logo-field .hs-form-error")))
                    .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
            assertThat(logos(clinic)).isOne();
            assertThat(clinicName(clinic)).isEqualTo(renamed);
            assertThat(accounts(clinic)).isEqualTo(accounts);
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", upload);
            screenshot("clinic-settings-logo");

            // 3. Add a therapist.
            browser.get(url("/settings/users"));
            click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//vaadin-button[normalize-space(.)='Add user']"))));
            input("vaadin-text-field", "Name").sendKeys(therapistName);
            input("vaadin-email-field", "Email").sendKeys(therapistEmail);
            input("vaadin-password-field", "First password").sendKeys("a long first password");
            click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[self::vaadin-dialog or self::vaadin-dialog-overlay]//vaadin-button[normalize-space(.)='Add user']"))));
            wait.until(d -> accounts(clinic) == accounts + 1);
            assertThat(account(therapistEmail)).containsExactly(therapistName, "THERAPIST", "true", clinic.toString());
            assertThat(logos(clinic)).isOne();
            assertThat(clinicName(clinic)).isEqualTo(renamed);

            // 4. Disable them.
            click(wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label='Disable " + therapistName + "']"))));
            wait.until(d -> account(therapistEmail).get(2).equals("false"));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label='Enable " + therapistName + "']")));
            assertThat(accounts(clinic)).isEqualTo(accounts + 1);
            assertThat(account(therapistEmail)).containsExactly(therapistName, "THERAPIST", "false", clinic.toString());
            assertThat(logos(clinic)).isOne();
            assertThat(count("select count(*) from clinic")).isEqualTo(clinics);
            screenshot("settings-users-disabled");

            // 5. The old name back, through the same form.
            browser.get(url("/settings/clinic"));
            input("vaadin-text-field", "Clinic name").sendKeys(Keys.chord(Keys.CONTROL, "a"), originalName, Keys.TAB);
            click(button("Save"));
            wait.until(d -> clinicName(clinic).equals(originalName));
            assertThat(count("select count(*) from clinic")).isEqualTo(clinics);
            assertThat(logos(clinic)).isOne();
        } finally {
            jdbc.sql("update clinic set name = :name where id = :id").param("name", originalName)
                    .param("id", clinic).update();
            jdbc.sql("delete from clinic_logo where clinic_id = :id").param("id", clinic).update();
            jdbc.sql("delete from app_user where email = :email").param("email", therapistEmail).update();
        }
    }

    @Test
    void a_date_of_birth_typed_day_first_is_stored_and_one_that_is_not_a_date_blocks_the_save() throws Exception {
        UUID clinic = demoClinic();
        assertThat(jdbc.sql("select locale from clinic where id = :id").param("id", clinic)
                .query(String.class).single()).isEqualTo("en-GB");
        String lastName = "Clarke-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            signInAsAdmin();
            browser.get(url("/patients"));
            click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//vaadin-button[normalize-space(.)='New patient']"))));
            input("vaadin-text-field", "First name").sendKeys("Edith");
            input("vaadin-text-field", "Last name").sendKeys(lastName);
            input("vaadin-date-picker", "Date of birth").sendKeys("14/03/1948", Keys.ENTER);
            click(button("Save"));

            wait.until(ExpectedConditions.urlMatches(".*/patients/[0-9a-f-]{36}$"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-facts"), "14 March 1948"));
            assertThat(jdbc.sql("select date_of_birth from patient where clinic_id = :clinic and last_name = :last")
                    .param("clinic", clinic).param("last", lastName).query(LocalDate.class).list())
                    .containsExactly(LocalDate.of(1948, 3, 14));

            int patients = patients(clinic);
            browser.get(url("/patients"));
            click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//vaadin-button[normalize-space(.)='New patient']"))));
            input("vaadin-text-field", "First name").sendKeys("Edith");
            input("vaadin-text-field", "Last name").sendKeys(lastName + "-unsaved");
            WebElement dateOfBirth = input("vaadin-date-picker", "Date of birth");
            dateOfBirth.sendKeys("14th March", Keys.ENTER);
            By message = By.cssSelector("vaadin-date-picker [slot='error-message']");
            wait.until(ExpectedConditions.textToBe(message, "Enter the date as DD/MM/YYYY, for example 14/03/1948."));

            click(button("Save"));
            waitForServer();
            assertThat(browser.findElement(message).getText())
                    .isEqualTo("Enter the date as DD/MM/YYYY, for example 14/03/1948.");
            assertThat(dateOfBirth.getDomProperty("value")).isEqualTo("14th March");
            assertThat(browser.findElements(By.xpath("//vaadin-button[normalize-space(.)='Save']"))).isNotEmpty();
            assertThat(patients(clinic)).isEqualTo(patients);
            screenshot("patient-date-error");
        } finally {
            jdbc.sql("delete from patient where clinic_id = :clinic and last_name like :last")
                    .param("clinic", clinic).param("last", lastName + "%").update();
        }
    }

    @Test
    void outside_the_demo_an_admin_sees_that_handouts_print_localhost() throws Exception {
        String[] profiles = environment.getActiveProfiles();
        // This server is the demo, which keeps quiet about localhost; look at it as a real clinic's would be.
        environment.setActiveProfiles(List.of(profiles).stream().filter(p -> !p.equals("demo")).toArray(String[]::new));
        try {
            signInAsAdmin();
            browser.get(url("/settings/clinic"));
            WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-warning")));
            assertThat(warning.getText()).isEqualTo("Handouts print http://localhost:" + port + " in their QR code; "
                    + "patients' phones cannot reach that. Set HOMESTRETCH_PUBLIC_URL to the address people use to "
                    + "reach this server.");
            screenshot("clinic-settings-public-address-desktop");

            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-warning")));
            screenshot("clinic-settings-public-address-phone");

            browser.get(url("/"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-warning"),
                    "Set HOMESTRETCH_PUBLIC_URL"));
            screenshot("home-public-address-phone");
        } finally {
            environment.setActiveProfiles(profiles);
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private void signInAsAdmin() {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(ADMIN, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
    }

    private WebElement input(String tag, String label) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//" + tag + "[.//label[starts-with(normalize-space(.), '" + label + "')]]//input")));
    }

    /** Until the page has no request to the server in flight. */
    private void waitForServer() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && Object.values(clients).every(c => !c.isActive());""")));
    }

    private static WebElement fileInput(WebElement upload) {
        return (WebElement) ((JavascriptExecutor) browser).executeScript("""
                const upload = arguments[0];
                return upload.querySelector('input[type=file]')
                    || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));""", upload);
    }

    private static Path notAPicture() throws Exception {
        Path fake = Files.createTempFile("homestretch-not-a-logo-", ".png");
        Files.writeString(fake, "not a picture");
        return fake;
    }

    private static Path logoPng() throws Exception {
        BufferedImage image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f6f8b));
        g.fillRect(0, 0, 240, 80);
        g.dispose();
        Path png = Files.createTempFile("homestretch-logo-", ".png");
        ImageIO.write(image, "png", png.toFile());
        return png;
    }

    private UUID demoClinic() {
        return jdbc.sql("select clinic_id from app_user where email = :email").param("email", ADMIN)
                .query(UUID.class).single();
    }

    private String clinicName(UUID clinic) {
        return jdbc.sql("select name from clinic where id = :id").param("id", clinic).query(String.class).single();
    }

    private int clinicVersion(UUID clinic) {
        return jdbc.sql("select version from clinic where id = :id").param("id", clinic).query(Integer.class).single();
    }

    private int logos(UUID clinic) {
        return jdbc.sql("select count(*) from clinic_logo where clinic_id = :id").param("id", clinic)
                .query(Integer.class).single();
    }

    private int accounts(UUID clinic) {
        return jdbc.sql("select count(*) from app_user where clinic_id = :id").param("id", clinic)
                .query(Integer.class).single();
    }

    private int patients(UUID clinic) {
        return jdbc.sql("select count(*) from patient where clinic_id = :id").param("id", clinic)
                .query(Integer.class).single();
    }

    /** Name, role, enabled and clinic of the account with this email; empty if there is none. */
    private List<String> account(String email) {
        return jdbc.sql("select display_name, role, enabled, clinic_id from app_user where email = :email")
                .param("email", email)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), Boolean.toString(rs.getBoolean(3)),
                        rs.getString(4)))
                .optional().orElse(List.of());
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}

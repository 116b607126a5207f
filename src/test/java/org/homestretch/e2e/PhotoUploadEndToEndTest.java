package org.homestretch.e2e;

import org.homestretch.catalog.BodyArea;
import org.homestretch.catalog.BestTime;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Equipment;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.catalog.photo.ExercisePhotos;
import org.homestretch.catalog.Position;
import org.homestretch.catalog.Sides;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photo uploaded in a real browser: the multipart request (larger than the servlet
 * container's 1 MB default), the check and re-encoding, and the image served back to the
 * same signed-in therapist on the editor and on the detail page.
 */
class PhotoUploadEndToEndTest extends EndToEndTest {


    @Autowired
    CatalogService catalog;
    @Autowired
    ExercisePhotos photos;
    @Autowired
    UserDetailsService users;

    @Test
    void a_photo_over_1_mb_uploads_and_shows_on_the_editor_and_detail_page() throws Exception {
        Exercise exercise = createAsTherapist("Photo upload check");
        Path photo = Files.createTempFile("homestretch-photo-", ".png");
        // Noise compresses badly: about 2.4 MB, above the container's default part size.
        ImageIO.write(noise(1000, 800), "png", photo.toFile());
        assertThat(Files.size(photo)).isGreaterThan(2 * 1024 * 1024).isLessThan(5 * 1024 * 1024);
        Path fake = Files.createTempFile("homestretch-fake-", ".png");
        Files.writeString(fake, "not a picture");

        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(THERAPIST, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        browser.get(url("/catalog/edit/" + exercise.slug()));
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));

        fileInput(upload).sendKeys(fake.toString());
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".hs-photo-field .hs-form-error")));
        assertThat(error.getText()).contains("not a PNG, JPEG or WebP image");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", upload);
        screenshot("photo-refused");

        fileInput(upload).sendKeys(photo.toString());
        wait.until(driver -> loaded(".hs-photo-preview img"));
        assertThat(browser.findElements(By.cssSelector(".hs-photo-field .hs-form-error")))
                .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", upload);
        screenshot("photo-uploaded");

        browser.get(url("/catalog/" + exercise.slug()));
        wait.until(driver -> loaded(".hs-detail-top img.hs-exercise-photo"));
        assertThat(browser.findElements(By.cssSelector(".hs-figure-placeholder"))).isEmpty();
        screenshot("photo-detail");

        signInHere();
        BufferedImage stored = ImageIO.read(new java.io.ByteArrayInputStream(
                photos.find(exercise.id()).orElseThrow().content()));
        assertThat(stored.getWidth()).isEqualTo(1000);
        SecurityContextHolder.clearContext();
    }

    private Exercise createAsTherapist(String name) {
        signInHere();
        try {
            return catalog.create(new ExerciseContent(name, List.of(), "Eases a stiff back.", Position.SITTING,
                    Set.of(BodyArea.LOWER_BACK), Set.of(Equipment.NONE), false, BestTime.ANY,
                    List.of("Sit tall.", "Turn your head slowly.", "Come back to the middle."), List.of(), List.of(),
                    new Dosage(1, 5, 5, Sides.ALTERNATE, 1, 7)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The service calls in this test thread act as the demo therapist, as the browser does. */
    private void signInHere() {
        var user = users.loadUserByUsername(THERAPIST);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static WebElement fileInput(WebElement upload) {
        // The upload's file input may sit in its shadow root or be slotted; look in both.
        return (WebElement) ((JavascriptExecutor) browser).executeScript("""
                const upload = arguments[0];
                return upload.querySelector('input[type=file]')
                    || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));""", upload);
    }

    private static boolean loaded(String selector) {
        Object ok = ((JavascriptExecutor) browser).executeScript("""
                const img = document.querySelector(arguments[0]);
                return !!img && img.complete && img.naturalWidth > 0;""", selector);
        return Boolean.TRUE.equals(ok);
    }

    private static BufferedImage noise(int width, int height) {
        Random random = new Random(1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }



}

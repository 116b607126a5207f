package org.homestretch.e2e;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts headless Chromium for end-to-end tests. Uses Debian's chromium and chromedriver when
 * present (or the paths in HOMESTRETCH_CHROMIUM / HOMESTRETCH_CHROMEDRIVER); otherwise leaves it
 * to Selenium Manager, which downloads a browser on a machine that can.
 */
final class BrowserSupport {

    private BrowserSupport() {
    }

    static ChromeDriver startChromium() throws IOException {
        Path profile = Files.createTempDirectory("homestretch-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        // Console messages (content security policy violations among them) for the tests to read.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        File browser = firstExisting(System.getenv("HOMESTRETCH_CHROMIUM"), "/usr/bin/chromium");
        File driver = firstExisting(System.getenv("HOMESTRETCH_CHROMEDRIVER"), "/usr/bin/chromedriver");
        if (browser != null) {
            options.setBinary(browser);
        }
        if (driver != null) {
            return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
        }
        return new ChromeDriver(options);
    }

    private static File firstExisting(String... paths) {
        for (String path : paths) {
            if (path != null && !path.isBlank() && new File(path).canExecute()) {
                return new File(path);
            }
        }
        return null;
    }
}

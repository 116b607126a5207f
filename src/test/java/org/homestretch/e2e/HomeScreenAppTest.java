package org.homestretch.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Add to home screen" over real HTTP, as a phone asks for the files, without any sign-in: the
 * web manifest is valid JSON that opens the phone page full screen, and every icon it or the
 * page names is served with its own type and size.
 */
class HomeScreenAppTest extends EndToEndTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void the_manifest_opens_the_phone_page_full_screen_and_every_icon_it_names_is_served() throws Exception {
        HttpResponse<byte[]> answer = get("/patient.webmanifest");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
        JsonNode manifest = new ObjectMapper().readTree(answer.body());

        assertThat(manifest.path("display").asString()).isEqualTo("standalone");
        assertThat(manifest.path("name").asString()).isEqualTo("My exercises");
        // The label under the icon: long names are cut off on a home screen.
        assertThat(manifest.path("short_name").asString()).isNotBlank().hasSizeLessThanOrEqualTo(12);
        assertThat(manifest.path("start_url").asString()).isEqualTo("/p/today");
        assertThat(manifest.path("start_url").asString()).startsWith(manifest.path("scope").asString());
        // The code page (a signed-out phone) stays inside the app too.
        assertThat("/p").startsWith(manifest.path("scope").asString());
        assertThat(manifest.path("theme_color").asString()).isEqualTo("#0b5cad");

        List<String> sizes = new ArrayList<>();
        for (JsonNode icon : manifest.path("icons")) {
            String src = icon.path("src").asString();
            HttpResponse<byte[]> file = get(src);
            assertThat(file.statusCode()).as(src).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).as(src)
                    .startsWith(icon.path("type").asString());
            assertThat(file.body()).as(src).isNotEmpty();
            if (icon.path("type").asString().equals("image/png")) {
                ByteBuffer header = ByteBuffer.wrap(file.body());
                String size = header.getInt(16) + "x" + header.getInt(20);
                assertThat(size).as(src).isEqualTo(icon.path("sizes").asString());
                sizes.add(size);
            }
        }
        // The two sizes Android asks for: the home-screen icon and the splash screen.
        assertThat(sizes).contains("192x192", "512x512");
    }

    @Test
    void the_patient_pages_link_the_manifest_the_favicon_and_the_apple_touch_icon() throws Exception {
        HttpResponse<byte[]> codePage = get("/p");
        assertThat(codePage.statusCode()).isEqualTo(200);
        String html = new String(codePage.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(links(html, "manifest")).containsExactly("/patient.webmanifest");
        assertThat(links(html, "icon")).contains("/favicon.ico", "/icon.svg");
        assertThat(links(html, "apple-touch-icon")).containsExactly("/apple-touch-icon.png");
        assertThat(html).contains("<meta name=\"theme-color\" content=\"#0b5cad\">");
        for (String icon : List.of("/favicon.ico", "/icon.svg", "/apple-touch-icon.png")) {
            HttpResponse<byte[]> file = get(icon);
            assertThat(file.statusCode()).as(icon).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).as(icon).startsWith("image/");
        }
        // The guided session's files: open without sign-in, and no server session for them either.
        for (String[] asset : new String[][] {{"/p/assets/guided.js", "text/javascript"}, {"/p/assets/guided.css", "text/css"}}) {
            HttpResponse<byte[]> file = get(asset[0]);
            assertThat(file.statusCode()).as(asset[0]).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).as(asset[0]).startsWith(asset[1]);
            assertThat(file.headers().allValues("Set-Cookie")).as(asset[0]).noneMatch(c -> c.startsWith("JSESSIONID"));
        }
    }

    private static List<String> links(String html, String rel) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<link rel=\"" + Pattern.quote(rel) + "\" href=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

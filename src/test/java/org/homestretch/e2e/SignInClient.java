package org.homestretch.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the sign-in form: keeps its cookies, follows no redirects, and
 * sends the CSRF token the login page carries, as the login form does. Its requests claim to come
 * from {@code clientAddress} through a trusted proxy ({@code X-Forwarded-For}; the test context
 * runs with {@code server.forward-headers-strategy=native}), so that tests of the per-client delay
 * never slow down the other tests, which all come from 127.0.0.1.
 */
public final class SignInClient {

    private static final Pattern META = Pattern.compile("<meta\\s+name=\"(_csrf(?:_parameter)?)\"\\s+content=\"([^\"]*)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    private String clientAddress;

    public SignInClient(String base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
    }

    /** Later requests come from this address. */
    SignInClient from(String address) {
        this.clientAddress = address;
        return this;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the login page and sends the form with its CSRF token; answers the form post's response. */
    public HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
        Map<String, String> csrf = csrfFields(get("/login").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", email);
        form.put("password", password);
        form.put(csrf.get("_csrf_parameter"), csrf.get("_csrf"));
        return post("/login", form);
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether this client's session is signed in: the start page opens instead of sending it to /login. */
    public boolean isSignedIn() throws IOException, InterruptedException {
        return get("/").statusCode() == 200;
    }

    /** The token and its parameter name from the meta tags Vaadin writes into the page. */
    static Map<String, String> csrfFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher meta = META.matcher(html);
        while (meta.find()) {
            fields.put(meta.group(1), meta.group(2));
        }
        if (!fields.containsKey("_csrf") || !fields.containsKey("_csrf_parameter")) {
            throw new AssertionError("The login page carries no CSRF token");
        }
        return fields;
    }

    /** The value of one of this client's cookies, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }
}

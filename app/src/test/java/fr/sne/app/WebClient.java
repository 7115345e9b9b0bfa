package fr.sne.app;

import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser-like HTTP client for tests: keeps cookies, never follows redirects by itself, and
 * can sign in through the embedded provider's login page exactly as a click on a persona does.
 */
final class WebClient {

    private static final Pattern PERSONA_FORM = Pattern.compile(
            "<form method=\"post\">\\s*<input type=\"hidden\" name=\"username\" value=\"([^\"]*)\">\\s*"
                    + "<input type=\"hidden\" name=\"claims\" value=\"([^\"]*)\">\\s*<button type=\"submit\" data-persona=\"([^\"]*)\"");

    /** What a browser sends when it follows a link or submits a form. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;

    WebClient(EmbeddedServer server) {
        this.base = URI.create("http://localhost:" + server.getPort());
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    HttpResponse<String> page(String pathOrUrl) {
        return send(HttpRequest.newBuilder(target(pathOrUrl)).header("Accept", BROWSER_ACCEPT).GET().build());
    }

    /** A download (CSV, XLSX, PDF) as the browser gets it, the body as bytes. */
    HttpResponse<byte[]> octets(String pathOrUrl) {
        try {
            return http.send(HttpRequest.newBuilder(target(pathOrUrl)).header("Accept", BROWSER_ACCEPT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A download (e.g. a PDF) as bytes, with the session's cookies. */
    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(target(path)).header("Accept", BROWSER_ACCEPT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token a page's forms carry (the double-submit cookie set at sign-in). */
    String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("sne-csrf"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }

    /** Submits a form as the browser does, with the CSRF token unless the caller gives one. */
    HttpResponse<String> submit(String path, Map<String, String> fields) {
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        form.putIfAbsent("csrfToken", csrfToken());
        return send(HttpRequest.newBuilder(target(path)).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncode(form))).build());
    }

    /** Submits a form whose fields may repeat (checkbox groups), as name/value pairs, with the CSRF token. */
    HttpResponse<String> submitPairs(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>(fields);
        form.add(Map.entry("csrfToken", csrfToken()));
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(target(path)).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Authorization code flow, as a person clicking their persona on the provider's page; returns where it lands. */
    String signInAs(String email) {
        return signIn(html -> personaForm(html, email));
    }

    /**
     * Signs in as a private person who types their e-mail on the provider's page (an identity
     * of the FranceConnect kind: birth name, first names, e-mail); returns where it lands.
     */
    String signInAsApplicant(String email, String givenName, String familyName) {
        String claims = "{\"email\":\"%s\",\"given_name\":\"%s\",\"family_name\":\"%s\"}".formatted(email, givenName, familyName);
        return signIn(html -> Map.of("username", email, "claims", claims));
    }

    /**
     * Signs in as a professional who types their e-mail on the provider's page (a ProConnect-style
     * identity: usual name, identity provider), e.g. a user the test created; returns where it lands.
     */
    String signInAsProfessional(String email, String givenName, String usualName) {
        String claims = "{\"email\":\"%s\",\"given_name\":\"%s\",\"usual_name\":\"%s\",\"idp_id\":\"sne-dev\"}"
                .formatted(email, givenName, usualName);
        return signIn(html -> Map.of("username", email, "claims", claims));
    }

    private String signIn(java.util.function.Function<String, Map<String, String>> choice) {
        HttpResponse<String> login = page("/oauth/login/sne");
        assertEquals(302, login.statusCode(), "sign-in must redirect to the provider");
        String authorize = location(login);
        assertTrue(authorize.contains("code_challenge="), "PKCE challenge expected: " + authorize);

        HttpResponse<String> loginPage = page(authorize);
        assertEquals(200, loginPage.statusCode());
        Map<String, String> form = choice.apply(loginPage.body());
        HttpResponse<String> afterLogin = send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncode(form))).build());
        assertEquals(302, afterLogin.statusCode(), afterLogin.body());

        HttpResponse<String> callback = page(location(afterLogin));
        assertTrue(callback.statusCode() / 100 == 3, "callback must redirect, got " + callback.statusCode() + " " + callback.body());
        return location(callback);
    }

    private URI target(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
    }

    private static Map<String, String> personaForm(String html, String email) {
        Matcher m = PERSONA_FORM.matcher(html);
        while (m.find()) {
            if (unescape(m.group(3)).equals(email)) {
                return Map.of("username", unescape(m.group(1)), "claims", unescape(m.group(2)));
            }
        }
        throw new AssertionError("persona " + email + " is not offered on the login page");
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String urlEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

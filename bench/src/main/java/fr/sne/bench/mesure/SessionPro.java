package fr.sne.bench.mesure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A professional's browser: signs in through the provider's login page (authorization code
 * flow, ProConnect-like claims typed on the page), keeps the session cookies, never follows
 * redirects by itself. Thread-safe once signed in.
 */
public final class SessionPro {

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    private SessionPro(URI base) {
        this.base = base;
    }

    /** Signed in as {@code email} (a user with one habilitation, so no choice page). */
    public static SessionPro connecter(URI base, String email, String prenom, String nom) {
        SessionPro s = new SessionPro(base);
        HttpResponse<String> login = s.page("/oauth/login/sne");
        String autorisation = location(login);
        s.page(autorisation);
        String claims = "{\"email\":\"%s\",\"given_name\":\"%s\",\"usual_name\":\"%s\",\"idp_id\":\"sne-dev\"}".formatted(email, prenom, nom);
        String formulaire = Map.of("username", email, "claims", claims).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> apres = s.envoyer(HttpRequest.newBuilder(URI.create(autorisation))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(formulaire)).build());
        HttpResponse<String> retour = s.page(location(apres));
        if (retour.statusCode() / 100 != 3) {
            throw new IllegalStateException("Connexion de " + email + " refusée : " + retour.statusCode());
        }
        return s;
    }

    public HttpResponse<String> page(String cheminOuUrl) {
        URI cible = cheminOuUrl.startsWith("http") ? URI.create(cheminOuUrl) : base.resolve(cheminOuUrl);
        return envoyer(HttpRequest.newBuilder(cible).header("Accept", ACCEPT).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private HttpResponse<String> envoyer(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(r.uri() + " → " + r.statusCode() + " sans redirection"));
    }
}

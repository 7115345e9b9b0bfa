package fr.sne.bench.mesure;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A vendor's system on the v1.0 API, as the simulator's: a client-credentials token from the
 * provider (renewed before it expires), HTTP/1.1 with kept-alive connections. Thread-safe.
 */
public final class ClientApi {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final URI jetons;
    private final String client;
    private String jeton;
    private Instant expiration = Instant.EPOCH;

    public ClientApi(URI base, URI jetons, String client) {
        this.base = base;
        this.jetons = jetons;
        this.client = client;
    }

    public String client() {
        return client;
    }

    private synchronized String jeton() {
        if (Instant.now().isAfter(expiration.minusSeconds(60))) {
            String corps = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                    + "&client_secret=banc";
            HttpResponse<byte[]> r = envoyer(HttpRequest.newBuilder(jetons).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(corps)).build());
            JsonNode j = json(attendre(r, 200).body());
            jeton = j.get("access_token").getStringValue();
            JsonNode duree = j.get("expires_in");
            expiration = Instant.now().plusSeconds(duree == null ? 300 : duree.getLongValue());
        }
        return jeton;
    }

    public HttpRequest.Builder requete(String chemin) {
        return HttpRequest.newBuilder(base.resolve(chemin)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + jeton());
    }

    public HttpResponse<byte[]> get(String chemin, String accept) {
        return envoyer(requete(chemin).header("Accept", accept).GET().build());
    }

    public HttpResponse<byte[]> postJson(String chemin, String corps, String cleIdempotence) {
        HttpRequest.Builder b = requete(chemin).header("Content-Type", "application/json").header("Accept", "application/json");
        if (cleIdempotence != null) {
            b.header("Idempotency-Key", cleIdempotence);
        }
        return envoyer(b.POST(HttpRequest.BodyPublishers.ofString(corps)).build());
    }

    /** Streams a download; the caller closes the stream. */
    public InputStream telecharger(String chemin) {
        try {
            HttpResponse<InputStream> r = http.send(requete(chemin).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                try (InputStream corps = r.body()) {
                    throw new IllegalStateException(chemin + " → " + r.statusCode() + " "
                            + new String(corps.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> envoyer(HttpRequest requete) {
        try {
            return http.send(requete, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(byte[] corps) {
        try {
            return JSON.readValue(corps, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<byte[]> attendre(HttpResponse<byte[]> r, int attendu) {
        if (r.statusCode() != attendu) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " → " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r;
    }
}

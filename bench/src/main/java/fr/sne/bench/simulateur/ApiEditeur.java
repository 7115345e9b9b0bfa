package fr.sne.bench.simulateur;

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
 * A vendor's software talking to the v1.0 API as the published documentation tells it to: a
 * client-credentials token (renewed before it expires), JSON or interfaceNuu XML, and nothing
 * of the product's internals.
 */
final class ApiEditeur {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.createDefault();
    private final URI base;
    private final URI jetons;
    private final String client;
    private String jeton;
    private Instant expiration = Instant.EPOCH;

    ApiEditeur(URI base, URI jetons, String client) {
        this.base = base;
        this.jetons = jetons;
        this.client = client;
    }

    String client() {
        return client;
    }

    private synchronized String jeton() {
        if (Instant.now().isAfter(expiration.minusSeconds(30))) {
            String corps = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                    + "&client_secret=simulateur";
            JsonNode r = lire(envoyer(HttpRequest.newBuilder(jetons).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(corps)).build(), 200));
            jeton = r.get("access_token").getStringValue();
            JsonNode duree = r.get("expires_in");
            expiration = Instant.now().plusSeconds(duree == null ? 300 : duree.getLongValue());
        }
        return jeton;
    }

    HttpRequest.Builder requete(String chemin) {
        return HttpRequest.newBuilder(base.resolve(chemin)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + jeton());
    }

    JsonNode getJson(String chemin) {
        return lire(envoyer(requete(chemin).header("Accept", "application/json").GET().build(), 200));
    }

    /** The application in interfaceNuu XML, or null when it no longer exists (purged). */
    String getXml(String numero) {
        HttpResponse<byte[]> r = brut(requete("/api/v1.0/demandes/" + numero).header("Accept", "application/xml").GET().build());
        if (r.statusCode() == 404) {
            return null;
        }
        attendre(r, 200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    HttpResponse<byte[]> postJson(String chemin, String corps) {
        return brut(requete(chemin).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(corps)).build());
    }

    HttpResponse<byte[]> putJson(String chemin, String corps, String etag) {
        return brut(requete(chemin).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(corps)).build());
    }

    InputStream telecharger(String chemin) {
        try {
            HttpResponse<InputStream> r = http.send(requete(chemin).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(chemin + " → " + r.statusCode() + " " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode lire(byte[] corps) {
        try {
            return json.readValue(corps, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<byte[]> brut(HttpRequest requete) {
        try {
            return http.send(requete, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] envoyer(HttpRequest requete, int attendu) {
        return attendre(brut(requete), attendu).body();
    }

    static HttpResponse<byte[]> attendre(HttpResponse<byte[]> r, int attendu) {
        if (r.statusCode() != attendu) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " → " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r;
    }
}

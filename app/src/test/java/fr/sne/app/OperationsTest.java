package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, metrics, OpenAPI, request ids and error answers. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private HttpResponse<String> get(String path, String accept) {
        WebClient web = new WebClient(server);
        return web.send(HttpRequest.newBuilder(web.uri(path)).header("Accept", accept).GET().build());
    }

    @Test
    void aTemplateFailingToRenderGivesTheErrorPageInsteadOfHanging() {
        WebClient web = new WebClient(server);
        java.net.http.HttpResponse<String> r = web.send(java.net.http.HttpRequest.newBuilder(web.uri("/essai/gabarit-casse"))
                .header("Accept", WebClient.BROWSER_ACCEPT).timeout(java.time.Duration.ofSeconds(20)).GET().build());
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("lang=\"fr\""), r.body());
        assertFalse(r.body().contains("methodeQuiNExistePas"), r.body());
    }

    @Test
    void healthIsUpWhenDatabaseAndStorageAnswer() {
        HttpResponse<String> health = get("/health", "application/json");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void prometheusMetricsAreExposed() {
        HttpResponse<String> metrics = get("/prometheus", "text/plain");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics expected");
        assertTrue(metrics.body().contains("hikaricp_connections"), "pool metrics expected");
    }

    @Test
    void theOpenApiDocumentIsServedFromTheCode() {
        HttpResponse<String> doc = get("/api/openapi.yml", "*/*");
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().startsWith("openapi: 3"), doc.body());
        assertTrue(doc.body().contains("/api/v1.0/appelant"), doc.body());
        // each module's controllers, merged into one document
        assertTrue(doc.body().contains("/api/v1.0/referentiels/pays/verification"), doc.body());
        assertTrue(doc.body().contains("SNE — API des systèmes des éditeurs"), doc.body());
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsASaneOne() {
        HttpResponse<String> generated = get("/health", "application/json");
        assertTrue(generated.headers().firstValue("X-Request-Id").orElse("").length() >= 32);
        WebClient web = new WebClient(server);
        HttpResponse<String> given = web.send(HttpRequest.newBuilder(web.uri("/health"))
                .header("X-Request-Id", "guichet-38001-abcdef").GET().build());
        assertEquals("guichet-38001-abcdef", given.headers().firstValue("X-Request-Id").orElse(""));
        HttpResponse<String> hostile = web.send(HttpRequest.newBuilder(web.uri("/health"))
                .header("X-Request-Id", "<script>alert(1)</script>").GET().build());
        assertFalse(hostile.headers().firstValue("X-Request-Id").orElse("").contains("<"));
    }

    @Test
    void unknownApiResourceIsAFrenchProblem() {
        HttpResponse<String> response = get("/api/v1.0/nexiste-pas", "application/json");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"title\":\"Ressource introuvable\""), response.body());
        assertTrue(response.body().contains("\"status\":404"), response.body());
    }

    @Test
    void unknownPageIsAFrenchPageWithoutTechnicalDetail() {
        HttpResponse<String> response = get("/page-inexistante", "text/html");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("Page non trouvée"), response.body());
        assertFalse(response.body().contains("Exception"));
        assertFalse(response.body().contains("at io.micronaut"));
    }

    @Test
    void malformedRequestIsAFrenchProblemNotAServerError() {
        WebClient web = new WebClient(server);
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(web.uri("/logout"))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{pas du json")).build());
        assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
    }
}

package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's rate limit per client: beyond it, 429 problem+json in French with Retry-After; other clients unaffected. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.api.limite-par-minute", value = "3")
@Property(name = "sne.jobs.enabled", value = "false")
class LimiteDebitApiTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private HttpResponse<String> catalogue(String client) {
        WebClient web = new WebClient(server);
        return web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/referentiels/evenements"))
                .header("Authorization", "Bearer " + FabriqueDemandes.jeton(client)).GET().build());
    }

    @Test
    void aClientBeyondItsLimitGets429WithRetryAfterWhileAnotherClientIsServed() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, catalogue("editeur-stegreve").statusCode());
        }
        HttpResponse<String> trop = catalogue("editeur-stegreve");
        assertEquals(429, trop.statusCode(), trop.body());
        assertEquals("application/problem+json", trop.headers().firstValue("Content-Type").orElse(""));
        assertTrue(trop.body().contains("3 requêtes par minute"), trop.body());
        long apres = Long.parseLong(trop.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(apres >= 1 && apres <= 20, "about 20 s for one token at 3 per minute: " + apres);
        assertEquals(200, catalogue("editeur-logis").statusCode(), "each client has its own limit");
        WebClient web = new WebClient(server);
        assertEquals(200, web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/schemas/interfaceNuu-02.01.xsd")).GET().build())
                .statusCode(), "the public XSD is not counted");
    }
}

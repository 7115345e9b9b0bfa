package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * API bearer tokens once accepted are remembered (the provider is not asked again on each
 * request): the same token keeps working, while a forged or opaque one is refused, even right
 * after a valid one was accepted, and a deactivated client is refused at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.jobs.enabled", value = "false")
class AuthentificationParJetonTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Test
    void anAcceptedTokenKeepsWorkingWhileForgedOrOpaqueTokensAndDeactivatedClientsAreRefused() {
        WebClient web = new WebClient(server);
        HttpRequest.Builder catalogue = HttpRequest.newBuilder(web.uri("/api/v1.0/referentiels/evenements")).GET();
        String jwt = FabriqueDemandes.jeton("editeur-logis");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, web.send(catalogue.copy().header("Authorization", "Bearer " + jwt).build()).statusCode());
        }
        String falsifie = jwt.substring(0, jwt.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWZhdXNzZQ";
        assertEquals(401, web.send(catalogue.copy().header("Authorization", "Bearer " + falsifie).build()).statusCode());
        assertEquals(401, web.send(catalogue.copy().header("Authorization", "Bearer jeton-opaque").build()).statusCode());

        FabriqueDemandes.sql("UPDATE client_api SET actif = false WHERE client_id = 'editeur-logis'");
        try {
            assertEquals(401, web.send(catalogue.copy().header("Authorization", "Bearer " + jwt).build()).statusCode(),
                    "a deactivated client is refused at once, its token remembered or not");
        } finally {
            FabriqueDemandes.sql("UPDATE client_api SET actif = true WHERE client_id = 'editeur-logis'");
        }
    }
}

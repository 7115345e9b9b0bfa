package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's country check, through the API as a vendor's system calls it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferentielApiTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    private HttpResponse<String> verifier(String libelle, boolean authentifie) {
        WebClient web = new WebClient(server);
        String query = libelle == null ? "" : "?libelle=" + URLEncoder.encode(libelle, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(web.uri("/api/v1.0/referentiels/pays/verification" + query))
                .header("Accept", "application/json");
        if (authentifie) {
            request.header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", 600));
        }
        return web.send(request.GET().build());
    }

    @Test
    void aVendorChecksCountries() {
        HttpResponse<String> ok = verifier("république fédérale d'allemagne", true);
        assertEquals(200, ok.statusCode());
        assertEquals("{\"valide\":true,\"libelle\":\"Allemagne\",\"codeInsee\":\"99109\"}", ok.body());

        HttpResponse<String> outreMer = verifier("Guadeloupe", true);
        assertEquals("{\"valide\":false}", outreMer.body());

        HttpResponse<String> proche = verifier("Allemagn", true);
        assertEquals("{\"valide\":false,\"suggestion\":\"Allemagne\"}", proche.body());
    }

    @Test
    void aMissingParameterIsAFrenchProblemAndAnonymousCallsAreRefused() {
        HttpResponse<String> manquant = verifier(null, true);
        assertEquals(400, manquant.statusCode());
        assertEquals("application/problem+json", manquant.headers().firstValue("Content-Type").orElse(""));
        assertTrue(manquant.body().contains("\"champ\":\"libelle\""), manquant.body());
        assertEquals(401, verifier("Allemagne", false).statusCode());
    }
}

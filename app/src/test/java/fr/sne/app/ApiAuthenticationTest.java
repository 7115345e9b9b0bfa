package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vendors' systems: client-credentials tokens from the same provider, mapped to a registered client. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthenticationTest implements SharedServicesTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    private String clientCredentialsToken(String clientId) {
        WebClient web = new WebClient(server);
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(
                        URI.create(SharedTestServices.get().issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=peu-importe"))
                .build());
        assertEquals(200, response.statusCode(), response.body());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }

    private HttpResponse<String> caller(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(new WebClient(server).uri("/api/v1.0/appelant"))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new WebClient(server).send(request.GET().build());
    }

    @Test
    void aRegisteredClientIsAcceptedAndActsForItsDesk() {
        HttpResponse<String> response = caller(clientCredentialsToken("editeur-actis"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"clientId\":\"editeur-actis\""), response.body());
        assertTrue(response.body().contains("\"territoire\":\"038\""), response.body());
        assertTrue(response.body().contains("\"code\":\"38001\""), response.body());
        assertTrue(response.body().contains("\"nom\":\"ACTIS\""), response.body());
    }

    @Test
    void eachClientSeesItsOwnTerritory() {
        HttpResponse<String> response = caller(clientCredentialsToken("editeur-logis"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"territoire\":\"030\""), response.body());
        assertTrue(response.body().contains("Logis Cévenols"), response.body());
    }

    @Test
    void anUnknownClientGets401InFrench() {
        HttpResponse<String> response = caller(clientCredentialsToken("editeur-inconnu"));
        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("aucun client d'API enregistré"), response.body());
    }

    @Test
    void anExpiredTokenGets401() {
        String expired = SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", -3600);
        assertEquals(401, caller(expired).statusCode());
        String valid = SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", 600);
        assertEquals(200, caller(valid).statusCode());
    }

    @Test
    void aPersonsSignInTokenIsNoApiCredential() {
        WebClient web = new WebClient(server);
        web.signInAs("agent.actis@sne.test");
        // the browser's id_token cookie reaches /api too, but it is no API client's token
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/appelant"))
                .header("Accept", "application/json").GET().build());
        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void noTokenOrForgedTokenGets401() {
        assertEquals(401, caller(null).statusCode());
        String token = clientCredentialsToken("editeur-actis");
        String[] parts = token.split("\\.");
        // same header and signature, another payload: the signature no longer matches
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA" + "." + parts[2];
        HttpResponse<String> response = caller(forged);
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("\"status\":401"), response.body());
        assertEquals(401, caller("pas-un-jeton").statusCode());
    }
}

package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in with the authorization code flow (PKCE) against the embedded OIDC provider. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Test
    void anonymousProfessionalPagesRedirectToSignIn() {
        WebClient web = new WebClient(server);
        for (String page : new String[] {"/pro", "/communaute", "/suivi"}) {
            HttpResponse<String> response = web.page(page);
            assertEquals(303, response.statusCode(), page);
            assertTrue(WebClient.location(response).endsWith("/oauth/login/sne"), WebClient.location(response));
        }
    }

    @Test
    void anApplicantFollowsTheirApplicationsFromTheHomeTile() {
        WebClient web = new WebClient(server);
        web.signInAs("demandeur@sne.test");
        HttpResponse<String> suivi = web.page("/suivi");
        assertEquals(303, suivi.statusCode());
        assertEquals("/#mes-demandes", WebClient.location(suivi));
        assertTrue(web.page("/").body().contains("id=\"mes-demandes\""));
    }

    @Test
    void publicPagesNeedNoSignIn() {
        WebClient web = new WebClient(server);
        HttpResponse<String> portail = web.page("/");
        assertEquals(200, portail.statusCode());
        assertTrue(portail.body().contains("lang=\"fr\""));
        assertTrue(portail.body().contains("Se connecter"));
        assertEquals(200, web.page("/info").statusCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "agent.actis@sne.test | Julie Martin  | Guichet enregistreur — ACTIS (38001)",
            "gt.isere@sne.test    | Claire Moreau | Gestionnaire territorial — Isère (038)",
            "support@sne.test     | Hélène Dubois | Assistance nationale"})
    void aPersonaSignsInAndSeesTheirActiveHabilitation(String email, String name, String habilitation) {
        WebClient web = new WebClient(server);
        assertTrue(web.signInAs(email).endsWith("/pro"));

        HttpResponse<String> pro = web.page("/pro");
        assertEquals(200, pro.statusCode());
        assertTrue(pro.body().contains("Bonjour " + name), pro.body());
        assertTrue(pro.body().contains(habilitation), pro.body());
        assertEquals(200, web.page("/communaute").statusCode());
    }

    @Test
    void signOutEndsTheSession() {
        WebClient web = new WebClient(server);
        web.signInAs("agent.actis@sne.test");
        assertEquals(200, web.page("/pro").statusCode());

        // without the form's CSRF token, a cross-site post is refused and the session goes on
        HttpResponse<String> forged = web.submit("/logout", java.util.Map.of("csrfToken", ""));
        assertEquals(403, forged.statusCode());
        assertEquals(200, web.page("/pro").statusCode());

        HttpResponse<String> logout = web.submit("/logout", java.util.Map.of());
        assertEquals(303, logout.statusCode(), logout.body());

        HttpResponse<String> after = web.page("/pro");
        assertEquals(303, after.statusCode());
        assertFalse(after.body().contains("Julie Martin"));
    }
}

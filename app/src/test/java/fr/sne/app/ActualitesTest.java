package fr.sne.app;

import fr.sne.community.recherche.MoteurRecherche;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.sne.app.WikiTest.compter;
import static fr.sne.app.WikiTest.mot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spaces' news with real sign-in: moderators publish, an important item goes to the outbox
 * and shows as a banner to the space's readers until each dismisses it; feeds and search respect
 * the spaces' walls.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActualitesTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    MoteurRecherche moteur;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    WebClient connecte(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    static String publier(WebClient web, String espace, String titre, boolean important) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("titre", titre, "texte", "Texte de " + titre + " <script>alert(1)</script>"));
        if (important) {
            form.put("important", "true");
        }
        HttpResponse<String> r = web.submit("/communaute/espaces/" + espace + "/actualites", form);
        assertEquals(303, r.statusCode(), r.body());
        return WebClient.location(r).replaceAll("\\?.*", "");
    }

    @org.junit.jupiter.api.AfterAll
    void effacer() throws Exception {
        WikiTest.effacerCommunaute();
    }

    @Test
    void anImportantItemIsAnnouncedAndShownAsABannerUntilDismissed() throws Exception {
        String titre = "Maintenance " + mot();
        String url = publier(connecte(WikiTest.GT_ISERE), "entraide", titre, true);
        assertEquals(1, compter("SELECT count(*) FROM evenement_communaute WHERE type = 'ACTUALITE_IMPORTANTE' AND titre = ? AND url = ?", titre, url));

        WebClient agent = connecte(WikiTest.AGENT_ACTIS);
        String accueil = agent.page("/communaute").body();
        assertTrue(accueil.contains(titre) && accueil.contains("Ne plus afficher"), "the banner shows on the community home: " + accueil.substring(accueil.indexOf("<main"), accueil.indexOf("<main") + 1500));
        String article = agent.page(url).body();
        assertFalse(article.contains("<script>alert"), "the text is sanitised");
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        HttpResponse<String> masque = agent.submit("/communaute/actualites/" + id + "/masquage", Map.of("retour", "/communaute/actualites"));
        assertEquals(303, masque.statusCode());
        assertEquals("/communaute/actualites", WebClient.location(masque));
        String apres = agent.page("/communaute/actualites").body();
        assertFalse(apres.contains("/communaute/actualites/" + id + "/masquage"), "the banner is gone for this reader");
        assertTrue(apres.contains(titre), "the item stays in the feed");
        assertTrue(connecte(WikiTest.GT_GARD).page("/communaute").body().contains("/communaute/actualites/" + id + "/masquage"),
                "other readers still see it");
    }

    @Test
    void aNormalItemIsAnnouncedWithoutBanner() throws Exception {
        String titre = "Réunion " + mot();
        publier(connecte(WikiTest.GT_ISERE), "isere", titre, false);
        assertEquals(1, compter("SELECT count(*) FROM evenement_communaute WHERE type = 'ACTUALITE' AND titre = ?", titre));
        String feed = connecte(WikiTest.AGENT_ACTIS).page("/communaute/actualites").body();
        assertTrue(feed.contains(titre), "in the global feed of Isère's agents");
        assertFalse(feed.contains("Important — Guichets de l’Isère : " + titre));
    }

    @Test
    void onlyModeratorsPublishAndWallsHold() {
        assertEquals(403, connecte(WikiTest.AGENT_ACTIS).submit("/communaute/espaces/entraide/actualites",
                Map.of("titre", "x", "texte", "y")).statusCode(), "a member who does not moderate cannot publish");
        String titre = "Consigne locale " + mot();
        String url = publier(connecte(WikiTest.GT_ISERE), "isere", titre, true);
        WebClient gard = connecte(WikiTest.GT_GARD);
        assertEquals(404, gard.page(url).statusCode());
        assertEquals(404, gard.page("/communaute/espaces/isere/actualites").statusCode());
        String feed = gard.page("/communaute/actualites").body();
        assertFalse(feed.contains(titre), "not in another territory's global feed");
        assertFalse(gard.page("/communaute").body().contains(titre), "nor as a banner");
        moteur.attendreVisibilite();
        String mot = titre.substring(titre.lastIndexOf(' ') + 1);
        assertTrue(connecte(WikiTest.AGENT_ACTIS).page("/recherche?q=" + mot).body().contains(url), "found by Isère's readers");
        assertFalse(gard.page("/recherche?q=" + mot).body().contains(url), "not found from the Gard");
    }
}

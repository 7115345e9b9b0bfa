package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.sne.app.WikiTest.compter;
import static fr.sne.app.WikiTest.mot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spaces' calendars with real sign-in: events, answers, and the ICS feeds that calendar
 * applications fetch without a session (per-user secret, revocable, visibility decided again at
 * each fetch).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgendaTest implements SharedServicesTest {

    static final Pattern LIEN = Pattern.compile("id=\"lien-ics\" readonly value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

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

    static String creerEvenement(WebClient web, String espace, Map<String, String> champs) {
        HttpResponse<String> r = web.submit("/communaute/espaces/" + espace + "/agenda", champs);
        assertEquals(303, r.statusCode(), r.body());
        return WebClient.location(r).replaceAll("\\?.*", "");
    }

    static Map<String, String> reunion(String titre) {
        return Map.of("titre", titre, "type", "REUNION", "dateDebut", "2031-03-12", "heureDebut", "14:00", "heureFin", "16:30",
                "lieu", "DDETS, salle 2; 1er étage", "description", "Ordre du jour :\n- point 1, point 2\n- questions\\réponses");
    }

    /** Signs in, creates the user's feed secret and returns the feed's URL. */
    String lienFlux(WebClient web) {
        HttpResponse<String> page = web.submit("/communaute/agenda/abonnement", Map.of("action", "generer"));
        assertEquals(200, page.statusCode());
        Matcher m = LIEN.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1).replace("&amp;", "&");
    }

    /** A calendar application: no cookie, no sign-in. */
    HttpResponse<byte[]> flux(String url) {
        return new WebClient(server).octets(url);
    }

    static String texte(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8).replace("\r\n ", "");
    }

    @org.junit.jupiter.api.AfterAll
    void effacer() throws Exception {
        WikiTest.effacerCommunaute();
    }

    @Test
    void feedsFollowTheUsersSpacesAndAnswers() throws Exception {
        String motIsere = mot();
        String isere = creerEvenement(connecte(WikiTest.GT_ISERE), "isere", Map.of("titre", "Déclaration 3DS " + motIsere, "type", "ECHEANCE",
                "dateDebut", "2031-01-15", "dateFin", "2031-01-31", "description", "Échéance annuelle"));
        String motGt = mot();
        creerEvenement(connecte(WikiTest.GT_GARD), "gt-national", reunion("Réunion des GT " + motGt));
        assertEquals(1, compter("SELECT count(*) FROM evenement_communaute WHERE type = 'EVENEMENT' AND titre = ?", "Déclaration 3DS " + motIsere));

        WebClient agent = connecte(WikiTest.AGENT_ACTIS);
        HttpResponse<String> abonnement = agent.page("/communaute/agenda/abonnement");
        assertEquals(200, abonnement.statusCode());
        String url = lienFlux(agent);
        assertTrue(url.startsWith("http://localhost:") && url.endsWith(".ics"), url);

        HttpResponse<byte[]> premier = flux(url);
        assertEquals(200, premier.statusCode());
        assertEquals("text/calendar; charset=utf-8", premier.headers().firstValue("Content-Type").orElse(""));
        String ics = texte(premier);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.contains("TZID:Europe/Paris"));
        assertTrue(ics.contains("SUMMARY:Déclaration 3DS " + motIsere + "\r\n"), "the agent's territory's event");
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20310115\r\nDTEND;VALUE=DATE:20310201\r\n"), "a deadline is all-day");
        assertFalse(ics.contains(motGt), "an agent's feed never contains the GTs' space");
        for (String ligne : new String(premier.body(), StandardCharsets.UTF_8).split("\r\n")) {
            assertTrue(ligne.getBytes(StandardCharsets.UTF_8).length <= 75, ligne);
        }
        assertArrayEquals(premier.body(), flux(url).body(), "same feed, same UIDs and stamps at each fetch");

        String gtGard = texte(flux(lienFlux(connecte(WikiTest.GT_GARD))));
        assertTrue(gtGard.contains("SUMMARY:Réunion des GT " + motGt));
        assertTrue(gtGard.contains("DTSTART;TZID=Europe/Paris:20310312T140000\r\nDTEND;TZID=Europe/Paris:20310312T163000\r\n"));
        assertTrue(gtGard.contains("LOCATION:DDETS\\, salle 2\\; 1er étage\r\n"), "escaped");
        assertTrue(gtGard.contains("questions\\\\réponses"), "backslash escaped");
        assertFalse(gtGard.contains(motIsere), "the Gard's GT never sees Isère's events");

        String jeton = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
        String base = url.substring(0, url.lastIndexOf('/'));
        assertEquals(200, flux(base + "/" + jeton + "/isere.ics").statusCode(), "a space's own feed");
        assertEquals(404, flux(base + "/" + jeton + "/gt-national.ics").statusCode(), "not a space the user does not see");

        // an answer shows on the event and in the user's feed
        long id = Long.parseLong(isere.substring(isere.lastIndexOf('/') + 1));
        assertEquals(303, agent.submit(isere + "/reponse", Map.of("reponse", "OUI")).statusCode());
        String evenement = agent.page(isere).body();
        assertTrue(evenement.contains("Oui : 1") && evenement.contains("Votre réponse : Oui"), "counts and my answer");
        assertTrue(texte(flux(url)).contains("DESCRIPTION:Votre réponse : Oui"), "my answer in my feed");
        assertEquals(404, connecte(WikiTest.GT_GARD).submit(isere + "/reponse", Map.of("reponse", "OUI")).statusCode());
        assertTrue(id > 0);

        // a new secret replaces the old one; revoking stops everything
        String nouveau = lienFlux(agent);
        assertEquals(404, flux(url).statusCode(), "the old link stops working");
        assertEquals(200, flux(nouveau).statusCode());
        assertEquals(200, agent.submit("/communaute/agenda/abonnement", Map.of("action", "revoquer")).statusCode());
        assertEquals(404, flux(nouveau).statusCode(), "revoked");
        assertEquals(404, flux(base + "/pas-un-jeton.ics").statusCode());
    }

    @Test
    void aUserWhoLosesAccessToASpaceStopsGettingItsEvents() throws Exception {
        String motInvitation = mot();
        creerEvenement(connecte(WikiTest.GT_ISERE), "fichiers-partages", reunion("Groupe de travail " + motInvitation));
        WebClient manager = connecte("manager.actis@sne.test");
        String url = lienFlux(manager);
        assertTrue(texte(flux(url)).contains(motInvitation), "an invited member gets the space's events");
        try {
            membre(false);
            assertFalse(texte(flux(url)).contains(motInvitation), "no longer a member: no longer in the feed");
        } finally {
            membre(true);
        }
        assertTrue(texte(flux(url)).contains(motInvitation));
    }

    @Test
    void onlyModeratorsPublishAndTheFormIsChecked() {
        assertEquals(403, connecte(WikiTest.AGENT_ACTIS).submit("/communaute/espaces/entraide/agenda", reunion("x")).statusCode());
        Map<String, String> inverse = new LinkedHashMap<>(reunion("Réunion à l’envers"));
        inverse.put("heureFin", "10:00");
        HttpResponse<String> r = connecte(WikiTest.GT_ISERE).submit("/communaute/espaces/isere/agenda", inverse);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("La fin doit venir après le début."));
        String agenda = connecte(WikiTest.AGENT_ACTIS).page("/communaute/agenda").body();
        assertTrue(agenda.contains("S’abonner au calendrier"));
    }

    private static void membre(boolean present) throws Exception {
        String sql = present
                ? "INSERT INTO espace_membre (espace_id, utilisateur_id, role) SELECT e.id, u.id, 'MEMBRE' FROM espace e, utilisateur u "
                  + "WHERE e.slug = 'fichiers-partages' AND u.email = 'manager.actis@sne.test' ON CONFLICT DO NOTHING"
                : "DELETE FROM espace_membre WHERE espace_id = (SELECT id FROM espace WHERE slug = 'fichiers-partages') "
                  + "AND utilisateur_id = (SELECT id FROM utilisateur WHERE email = 'manager.actis@sne.test')";
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}

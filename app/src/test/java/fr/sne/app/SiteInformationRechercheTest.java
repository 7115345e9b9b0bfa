package fr.sne.app;

import fr.sne.community.info.IndexationArticles;
import fr.sne.community.info.PublicationsProgrammees;
import fr.sne.community.recherche.MoteurRecherche;
import fr.sne.community.recherche.Recherche;
import fr.sne.community.recherche.RechercheService;
import fr.sne.community.recherche.Resultats;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.sne.app.SiteInformationTest.article;
import static fr.sne.app.SiteInformationTest.creer;
import static fr.sne.app.SiteInformationTest.modifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The information site and the search engine together: what is published is found within the
 * engine's near-real-time delay, by the readers who may open it and by nobody else; drafts,
 * scheduled articles before their time, unpublished and deleted ones are not found; a full
 * rebuild from the database gives the same answers; attachments' text is searchable.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteInformationRechercheTest implements SharedServicesTest {

    private static final Actor ANONYME = new Actor.Anonyme();
    private static final Actor AGENT_ISERE = professionnel(new Habilitation(1, Profil.GUICHET_ENREGISTREUR, "38001", "ACTIS", "038", "Isère"));
    private static final Actor AGENT_GARD = professionnel(new Habilitation(2, Profil.GUICHET_ENREGISTREUR, "30001", "Logis Cévenols", "030", "Gard"));
    private static final Actor ADMIN = professionnel(new Habilitation(3, Profil.ADMINISTRATEUR_NATIONAL, null, null, null, null));

    @Inject
    EmbeddedServer server;

    @Inject
    RechercheService recherche;

    @Inject
    MoteurRecherche moteur;

    @Inject
    IndexationArticles source;

    @Inject
    PublicationsProgrammees programmees;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    private static Actor professionnel(Habilitation h) {
        return new Actor.Professionnel(100 + h.id(), "lecteur" + h.id() + "@sne.test", "L", "T", List.of(h), null);
    }

    /** A word found in no other article. */
    private static String mot() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private long trouves(Actor actor, String texte) {
        moteur.attendreVisibilite();
        Resultats r = recherche.rechercher(actor, Recherche.de(texte));
        return r.total();
    }

    private WebClient connecte(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    @AfterAll
    void effacer() throws Exception {
        SiteInformationTest.effacerArticles();
    }

    @Test
    void aPublishedArticleIsFoundByItsReadersOnly() {
        WebClient admin = connecte(SiteInformationTest.ADMIN);
        String publicMot = mot();
        long publie = creer(admin, article("Actualité publique " + publicMot, "ACTUALITE", "PUBLIC"), "publier");
        String brouillonMot = mot();
        long brouillon = creer(admin, article("Brouillon " + brouillonMot, "ACTUALITE", "PUBLIC"), "brouillon");
        String proMot = mot();
        creer(admin, article("Consigne " + proMot, "GUIDE", "PROFESSIONNELS"), "publier");
        String localMot = mot();
        creer(connecte(SiteInformationTest.GT_ISERE), article("Page locale " + localMot, "ACTUALITE", "TERRITOIRE"), "publier");

        assertEquals(1, trouves(ANONYME, publicMot), "a published article is found");
        Resultats.Resultat r = recherche.rechercher(ANONYME, Recherche.de(publicMot)).resultats().getFirst();
        assertEquals("actualite", r.type());
        assertTrue(r.url().startsWith("/info/actualites/"), r.url());
        assertEquals(200, new WebClient(server).page(r.url()).statusCode(), "its link opens it");

        assertEquals(0, trouves(ANONYME, brouillonMot), "a draft is not found");
        assertEquals(0, trouves(ADMIN, brouillonMot), "not even by its author: drafts are never indexed");
        assertEquals(0, trouves(ANONYME, proMot), "a professionals' article is not found by an anonymous visitor");
        assertEquals(1, trouves(AGENT_GARD, proMot));
        assertEquals(1, trouves(AGENT_ISERE, localMot), "a local page by its territory's professionals");
        assertEquals(0, trouves(AGENT_GARD, localMot), "not by another territory's");
        assertEquals(0, trouves(ANONYME, localMot));
        assertEquals(1, trouves(ADMIN, localMot), "national roles open every local page");

        // the same through the search page, as the persona signed in
        moteur.attendreVisibilite();
        assertTrue(new WebClient(server).page("/recherche?q=" + publicMot).body().contains("href=\"" + r.url() + "\""));
        String guide = "href=\"/info/documentation/consigne-" + proMot + "\"";
        assertTrue(!new WebClient(server).page("/recherche?q=" + proMot).body().contains(guide), "not for the public");
        assertTrue(connecte(SiteInformationTest.AGENT_GARD).page("/recherche?q=" + proMot).body().contains(guide));
        String local = "href=\"/info/actualites/page-locale-" + localMot + "\"";
        assertTrue(connecte(SiteInformationTest.AGENT_ISERE).page("/recherche?q=" + localMot).body().contains(local));
        assertTrue(!connecte(SiteInformationTest.AGENT_GARD).page("/recherche?q=" + localMot).body().contains(local));

        // the search's stemming and accents: "actualites" finds "Actualité"
        assertTrue(recherche.rechercher(ANONYME, Recherche.de("actualites " + publicMot)).total() >= 1);

        // unpublished, then deleted: gone
        HttpResponse<String> depublie = admin.submit("/pro/info/articles/" + publie + "/depublication",
                Map.of("version", SiteInformationTest.version(admin, publie)));
        assertEquals(303, depublie.statusCode());
        assertEquals(0, trouves(ANONYME, publicMot), "unpublished: no longer found");
        assertEquals(303, modifier(admin, publie, article("Actualité publique " + publicMot, "ACTUALITE", "PUBLIC"), "publier").statusCode());
        assertEquals(1, trouves(ANONYME, publicMot), "published again");
        assertEquals(303, admin.submit("/pro/info/articles/" + publie + "/suppression", Map.of()).statusCode());
        assertEquals(0, trouves(ANONYME, publicMot), "deleted: gone");
        assertEquals(303, admin.submit("/pro/info/articles/" + brouillon + "/suppression", Map.of()).statusCode());
    }

    @Test
    void aScheduledArticleIsFoundOnlyOnceItsTimeHasCome() {
        WebClient admin = connecte(SiteInformationTest.ADMIN);
        String m = mot();
        Instant heure = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> champs = article("Annonce programmée " + m, "ACTUALITE", "PUBLIC");
        champs.put("publication", "programmee");
        champs.put("publicationLe", LocalDateTime.ofInstant(heure, ZoneId.of("Europe/Paris")).toString());
        creer(admin, champs, "publier");
        assertEquals(0, trouves(ANONYME, m), "not before its time");
        programmees.executer(heure.minusSeconds(1));
        assertEquals(0, trouves(ANONYME, m));
        programmees.executer(heure);
        assertEquals(1, trouves(ANONYME, m), "indexed by the job at its time");
    }

    @Test
    void theTextOfAttachmentsIsSearchableAndARebuildGivesTheSameAnswers() throws Exception {
        WebClient admin = connecte(SiteInformationTest.ADMIN);
        String dansLeFichier = mot();
        long id = creer(admin, article("Document avec annexe", "DOCUMENT", "PUBLIC"), "publier");
        byte[] contenu = ("Annexe technique : le champ " + dansLeFichier + " est obligatoire.").getBytes(StandardCharsets.UTF_8);
        assertEquals(303, televerser(admin, id, "annexe.txt", contenu, "text/plain").statusCode());
        assertEquals(1, trouves(ANONYME, dansLeFichier), "found by a word of its attachment");
        // a PDF's text comes through the documents module's analyser (Tika)
        String dansLePdf = mot();
        assertEquals(303, televerser(admin, id, "guide.pdf", PiecesFixture.pdf("Guide de saisie", "Le code " + dansLePdf + " identifie le guichet."),
                "application/pdf").statusCode());
        assertEquals(1, trouves(ANONYME, dansLePdf), "found by a word of its PDF attachment");

        String brouillonMot = mot();
        creer(admin, article("Brouillon " + brouillonMot, "FAQ", "PUBLIC"), "brouillon");
        String proMot = mot();
        creer(admin, article("Réservé " + proMot, "FAQ", "PROFESSIONNELS"), "publier");

        MoteurRecherche.Bilan bilan = moteur.reconstruire(List.of(source));
        assertTrue(bilan.documents() >= 2, bilan.toString());
        assertEquals(1, trouves(ANONYME, dansLeFichier), "the rebuild reads the attachments' text");
        assertEquals(1, trouves(ANONYME, dansLePdf));
        assertEquals(0, trouves(ANONYME, brouillonMot), "and skips drafts");
        assertEquals(0, trouves(ANONYME, proMot), "with the same visibility");
        assertEquals(1, trouves(AGENT_ISERE, proMot));
    }

    private static HttpResponse<String> televerser(WebClient web, long id, String nom, byte[] contenu, String type) throws Exception {
        String limite = "----sne" + UUID.randomUUID();
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        corps.write(("--" + limite + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + web.csrfToken() + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        corps.write(("--" + limite + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nom
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        corps.write(contenu);
        corps.write(("\r\n--" + limite + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.send(HttpRequest.newBuilder(web.uri("/pro/info/articles/" + id + "/pieces"))
                .header("Accept", WebClient.BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + limite)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray())).build());
    }
}

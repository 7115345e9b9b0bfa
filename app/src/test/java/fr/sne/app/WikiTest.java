package fr.sne.app;

import fr.sne.community.recherche.MoteurRecherche;
import fr.sne.devservices.SharedServicesTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spaces' wiki with real sign-in: pages from templates, versions, diff and restoration,
 * stale saves, links and backlinks, XSS neutralised, the outbox row, and the spaces' walls
 * (pages and search results of a territory's space invisible from another territory).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WikiTest implements SharedServicesTest {

    static final String GT_ISERE = "gt.isere@sne.test";
    static final String GT_GARD = "gt.gard@sne.test";
    static final String AGENT_ACTIS = "agent.actis@sne.test";

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

    static String mot() {
        return "zw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Creates a page and returns its path. */
    static String creerPage(WebClient web, String espace, String titre, String contenu) {
        HttpResponse<String> r = web.submit("/communaute/espaces/" + espace + "/wiki",
                Map.of("titre", titre, "texte", contenu, "commentaire", "Première version", "action", "enregistrer"));
        assertEquals(303, r.statusCode(), r.body());
        return WebClient.location(r).replaceAll("\\?.*", "");
    }

    @Test
    void templatesVersionsDiffAndRestore() throws Exception {
        WebClient gt = connecte(GT_ISERE);
        HttpResponse<String> modele = gt.page("/communaute/espaces/isere/wiki/nouvelle?modele=FICHE_REGLEMENTAIRE");
        assertEquals(200, modele.statusCode());
        assertTrue(modele.body().contains("## Textes de référence"), "the template pre-fills the editor");

        String titre = "Fiche " + mot();
        String page = creerPage(gt, "isere", titre, "## Objet\nLe délai est de 30 jours.\nFin.");
        assertTrue(page.startsWith("/communaute/espaces/isere/wiki/fiche-"), page);

        HttpResponse<String> v2 = gt.submit(page, Map.of("titre", titre, "texte", "## Objet\nLe délai est de 60 jours.\nFin.\nAjout.",
                "version", "1", "commentaire", "Nouveau délai", "action", "enregistrer"));
        assertEquals(303, v2.statusCode(), v2.body());
        assertTrue(gt.page(page).body().contains("60 jours"));

        HttpResponse<String> historique = gt.page(page + "/historique");
        assertTrue(historique.body().contains("Nouveau délai") && historique.body().contains("Première version"));

        String diff = gt.page(page + "/comparaison?de=1&a=2").body();
        assertTrue(diff.contains("<del>30</del>"), "the removed word is marked");
        assertTrue(diff.contains("<ins>60</ins>"), "the added word is marked");
        assertTrue(diff.contains("Ajouté : </span><ins>Ajout.</ins>"), "an added line has a text label");
        assertTrue(diff.contains("1 ligne(s) supprimée(s)") || diff.contains("ligne(s) supprimée(s)"));

        HttpResponse<String> restaure = gt.submit(page + "/versions/1/restauration", Map.of("version", "2"));
        assertEquals(303, restaure.statusCode(), restaure.body());
        String apres = gt.page(page).body();
        assertTrue(apres.contains("30 jours") && !apres.contains("60 jours"), "version 1's text is back");
        assertTrue(apres.contains("Version <span>3</span>"), "as a new version");
        assertTrue(gt.page(page + "/historique").body().contains("Restauration de la version 1"));
        assertEquals(3, compter("SELECT count(*) FROM page_wiki_version v JOIN page_wiki p ON p.id = v.page_id WHERE p.titre = ?", titre));
        assertEquals(3, compter("SELECT count(*) FROM evenement_communaute WHERE type = 'PAGE' AND titre = ?", titre),
                "each save announced in the outbox");
        assertEquals(3, compter("SELECT count(*) FROM audit a JOIN page_wiki p ON a.objet_id = p.id::text WHERE a.objet_type = 'page_wiki' AND p.titre = ?", titre),
                "each save audited");
    }

    @Test
    void aStaleSaveIsRefusedKeepingTheTypedText() {
        WebClient gt = connecte(GT_ISERE);
        String titre = "Procédure " + mot();
        String page = creerPage(gt, "entraide", titre, "Texte initial.");
        assertEquals(303, gt.submit(page, Map.of("titre", titre, "texte", "Texte d’un collègue.", "version", "1", "action", "enregistrer")).statusCode());

        HttpResponse<String> perime = connecte(AGENT_ACTIS).submit(page, Map.of("titre", titre, "texte", "Mon texte tapé longuement.",
                "version", "1", "action", "enregistrer"));
        assertEquals(409, perime.statusCode());
        assertTrue(perime.body().contains("Mon texte tapé longuement."), "the typed text is kept");
        assertTrue(perime.body().contains("collègue"), "the current text is shown in the comparison");
        assertTrue(gt.page(page).body().contains("Texte d’un collègue."), "nothing was overwritten");
    }

    @Test
    void markdownIsSanitisedAndLinksResolve() {
        WebClient gt = connecte(GT_ISERE);
        String cible = "Cible " + mot();
        String pageCible = creerPage(gt, "entraide", cible, "La cible.");
        String source = "Source " + mot();
        String pageSource = creerPage(gt, "entraide", source, """
                Voir [[%s]] et [[Page inexistante %s]].

                <script>alert('xss')</script>
                <img src=x onerror="alert(1)">
                [clic](javascript:alert(2))
                """.formatted(cible, mot()));
        String html = gt.page(pageSource).body();
        assertFalse(html.contains("<script>alert"), "no script");
        assertFalse(html.contains("onerror="), "no event handler");
        assertFalse(html.contains("href=\"javascript"), "no javascript link");
        assertTrue(html.contains("href=\"" + pageCible + "\""), "a link to an existing page leads to it");
        assertTrue(html.contains("(page à créer)"), "a missing page is shown to be created");
        String cibleHtml = gt.page(pageCible).body();
        assertTrue(cibleHtml.contains("Pages qui pointent ici") && cibleHtml.contains(source), "backlinks list the source");
    }

    @Test
    void commentsAndAttachments() throws Exception {
        WebClient gt = connecte(GT_ISERE);
        String page = creerPage(gt, "isere", "Commentée " + mot(), "Texte.");
        WebClient agent = connecte(AGENT_ACTIS);
        assertEquals(303, agent.submit(page + "/commentaires", Map.of("texte", "Merci, très utile <b>!</b>")).statusCode());
        String html = gt.page(page).body();
        assertTrue(html.contains("Merci, très utile &lt;b&gt;!&lt;/b&gt;"), "a comment is shown as plain text");

        String motFichier = mot();
        HttpResponse<String> depot = multipart(gt, page + "/pieces", "procedure.txt",
                ("Procédure locale : " + motFichier).getBytes(StandardCharsets.UTF_8));
        assertEquals(303, depot.statusCode(), depot.body());
        assertEquals(422, multipart(gt, page + "/pieces", "page.html", "<script>x</script>".getBytes(StandardCharsets.UTF_8)).statusCode(),
                "an HTML file is refused");
        java.util.regex.Matcher lien = java.util.regex.Pattern.compile("href=\"(/communaute/wiki/pieces/\\d+/procedure.txt)\"").matcher(gt.page(page).body());
        assertTrue(lien.find(), "the file is listed");
        HttpResponse<byte[]> fichier = agent.octets(lien.group(1));
        assertEquals(200, fichier.statusCode());
        assertTrue(new String(fichier.body(), StandardCharsets.UTF_8).contains(motFichier));
        assertTrue(fichier.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(404, connecte(GT_GARD).octets(lien.group(1)).statusCode(), "not for another territory");
        moteur.attendreVisibilite();
        assertTrue(agent.page("/recherche?q=" + motFichier).body().contains(page), "the file's text is searchable");
    }

    static HttpResponse<String> multipart(WebClient web, String chemin, String nom, byte[] contenu) throws java.io.IOException {
        String limite = "----sne" + UUID.randomUUID();
        java.io.ByteArrayOutputStream corps = new java.io.ByteArrayOutputStream();
        corps.write(("--" + limite + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + web.csrfToken() + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        corps.write(("--" + limite + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nom
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        corps.write(contenu);
        corps.write(("\r\n--" + limite + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.send(java.net.http.HttpRequest.newBuilder(web.uri(chemin))
                .header("Accept", WebClient.BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + limite)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray())).build());
    }

    @Test
    void restrictedSpacesPagesAreInvisibleElsewhere() throws Exception {
        WebClient gtIsere = connecte(GT_ISERE);
        String secret = mot();
        String page = creerPage(gtIsere, "isere", "Consigne locale " + secret, "Mot secret " + secret);
        String gtPage = creerPage(connecte(GT_GARD), "gt-national", "Pilotage " + secret, "Réservé aux GT " + secret);

        WebClient gtGard = connecte(GT_GARD);
        assertEquals(404, gtGard.page("/communaute/espaces/isere/wiki").statusCode());
        assertEquals(404, gtGard.page(page).statusCode());
        assertEquals(404, gtGard.page(page + "/historique").statusCode());
        assertEquals(404, gtGard.submit(page, Map.of("titre", "x", "texte", "x", "version", "1")).statusCode());

        WebClient agent = connecte(AGENT_ACTIS);
        assertEquals(404, agent.page(gtPage).statusCode(), "an agent does not see the GTs' space");
        assertEquals(200, agent.page(page).statusCode(), "an agent of Isère sees Isère's space");

        moteur.attendreVisibilite();
        String q = "/recherche?q=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String trouve = gtIsere.page(q).body();
        assertTrue(trouve.contains(page), "found by the space's readers: " + trouve.substring(Math.max(0, trouve.indexOf("<main")), Math.min(trouve.length(), trouve.indexOf("<main") + 3000)));
        assertFalse(gtGard.page(q).body().contains(page), "not found from another territory");
        assertTrue(gtGard.page(q).body().contains(gtPage));
        assertFalse(agent.page(q).body().contains(gtPage), "GT pages not found by an agent");
    }

    /** Leaves the shared database without wiki pages, news, events or feed secrets (the search tests rebuild from every source). */
    static void effacerCommunaute() throws SQLException {
        try (Connection c = SiteInformationTest.owner(); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM page_wiki");
            st.executeUpdate("DELETE FROM actualite_communaute");
            st.executeUpdate("DELETE FROM evenement_agenda");
            st.executeUpdate("DELETE FROM jeton_calendrier");
            st.executeUpdate("DELETE FROM evenement_communaute WHERE type IN ('PAGE', 'ACTUALITE', 'ACTUALITE_IMPORTANTE', 'EVENEMENT')");
        }
    }

    @org.junit.jupiter.api.AfterAll
    void effacer() throws SQLException {
        effacerCommunaute();
    }

    static long compter(String sql, Object... params) throws SQLException {
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.community.info.PublicationsProgrammees;
import fr.sne.community.info.TextesDeReference;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The information site through its pages, signed in as the demo personas: authoring rights,
 * drafts and scheduled articles hidden from readers, professionals' content behind sign-in,
 * territories' local pages, the RSS feed, the important banner, attachments in S3, the corpus.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteInformationTest implements SharedServicesTest {

    static final String ADMIN = "admin@sne.test";
    static final String GT_ISERE = "gt.isere@sne.test";
    static final String GT_GARD = "gt.gard@sne.test";
    static final String AGENT_ISERE = "agent.actis@sne.test";
    static final String AGENT_GARD = "agent.logis@sne.test";

    private static final Pattern ID = Pattern.compile("/pro/info/articles/(\\d+)\\?message=");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern ADRESSE = Pattern.compile("Adresse de la page : (/info/[^<\\s]+)<");

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        // the scheduled publications are run by the test at chosen instants
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    // Helpers ----------------------------------------------------------------------------------------

    WebClient connecte(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    static String unique(String titre) {
        return titre + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The fields of a new article; callers change what they need. */
    static Map<String, String> article(String titre, String type, String audience) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("titre", titre);
        f.put("resume", "Résumé de " + titre);
        f.put("type", type);
        f.put("themes", "SNE");
        f.put("audience", audience);
        f.put("corps", "## Contexte\n\nUn texte avec du **gras**.");
        f.put("publication", "maintenant");
        return f;
    }

    /** Posts the new-article form; returns the article's id. */
    static long creer(WebClient web, Map<String, String> champs, String action) {
        Map<String, String> f = new LinkedHashMap<>(champs);
        f.put("action", action);
        HttpResponse<String> r = web.submit("/pro/info/articles", f);
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = ID.matcher(WebClient.location(r));
        assertTrue(m.find(), WebClient.location(r));
        return Long.parseLong(m.group(1));
    }

    /** Posts the edit form of an article with its current version. */
    static HttpResponse<String> modifier(WebClient web, long id, Map<String, String> champs, String action) {
        Map<String, String> f = new LinkedHashMap<>(champs);
        f.put("action", action);
        f.put("version", version(web, id));
        return web.submit("/pro/info/articles/" + id, f);
    }

    static String version(WebClient web, long id) {
        HttpResponse<String> page = web.page("/pro/info/articles/" + id);
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = VERSION.matcher(page.body());
        assertTrue(m.find());
        return m.group(1);
    }

    static String adresse(WebClient web, long id) {
        Matcher m = ADRESSE.matcher(web.page("/pro/info/articles/" + id).body());
        assertTrue(m.find());
        return m.group(1);
    }

    static Connection owner() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
    }

    /**
     * Leaves the shared database without articles, as it was: the search engine's tests rebuild
     * their index from every source, this site's included, and count what they find.
     */
    static void effacerArticles() throws SQLException {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("DELETE FROM article")) {
            ps.executeUpdate();
        }
    }

    @AfterAll
    void effacer() throws SQLException {
        effacerArticles();
    }

    static List<String> audit(long id) throws SQLException {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT action || ' ' || acteur || ' ' || coalesce(apres ->> 'statut', '-') FROM audit "
                        + "WHERE objet_type = 'ARTICLE' AND objet_id = ? ORDER BY id")) {
            ps.setString(1, Long.toString(id));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> lignes = new ArrayList<>();
                while (rs.next()) {
                    lignes.add(rs.getString(1));
                }
                return lignes;
            }
        }
    }

    // Tests ------------------------------------------------------------------------------------------

    @Test
    void anAdministratorPreviewsSavesADraftThenPublishesAndEveryStepIsAudited() throws Exception {
        WebClient admin = connecte(ADMIN);
        assertEquals(200, admin.page("/pro/info/articles/nouveau").statusCode());
        String titre = unique("Nouveautés <b>du</b> portail");
        Map<String, String> champs = article(titre, "ACTUALITE", "PUBLIC");
        champs.put("corps", "Texte **important**.\n\n<script>alert('x')</script>\n\n[piège](javascript:alert(1))\n\n"
                + "<img src=x onerror=alert(1)>");

        Map<String, String> apercu = new LinkedHashMap<>(champs);
        apercu.put("action", "apercu");
        HttpResponse<String> vue = admin.submit("/pro/info/articles", apercu);
        assertEquals(200, vue.statusCode());
        assertTrue(vue.body().contains("id=\"apercu\""), "the preview is on the page");
        assertTrue(vue.body().contains("<strong>important</strong>"), "rendered Markdown");
        assertTrue(vue.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "a script is shown as text");
        assertFalse(vue.body().contains("<script>alert"), "never run");
        assertFalse(vue.body().contains("href=\"javascript:"), "no javascript: link");
        assertFalse(vue.body().contains("<img src=x onerror"), "no event handler (the editor shows the text escaped)");
        assertTrue(vue.body().contains("Texte **important**."), "the text typed stays in the editor");

        long id = creer(admin, champs, "brouillon");
        String url = adresse(admin, id);
        WebClient anonyme = new WebClient(server);
        assertEquals(404, anonyme.page(url).statusCode(), "a draft is invisible to readers");
        assertFalse(anonyme.page("/info/actualites").body().contains(titre.replace("<", "&lt;").replace(">", "&gt;")));
        assertEquals(404, connecte(AGENT_ISERE).page(url).statusCode(), "and to professionals");

        assertEquals(303, modifier(admin, id, champs, "publier").statusCode());
        HttpResponse<String> publie = anonyme.page(url);
        assertEquals(200, publie.statusCode());
        assertTrue(publie.body().contains("Nouveautés &lt;b&gt;du&lt;/b&gt; portail"), "the title is escaped");
        assertTrue(publie.body().contains("<strong>important</strong>"));
        assertFalse(publie.body().contains("<script>alert"));
        assertFalse(publie.body().contains("javascript:alert"));
        assertTrue(anonyme.page("/info/actualites").body().contains("href=\"" + url + "\""), "listed once published");

        assertEquals(List.of("CREATION admin@sne.test BROUILLON", "MODIFICATION admin@sne.test PUBLIE"), audit(id));
    }

    @Test
    void professionalOnlyContentAsksAnonymousVisitorsToSignIn() {
        WebClient admin = connecte(ADMIN);
        String titre = unique("Consigne aux guichets");
        long id = creer(admin, article(titre, "ACTUALITE", "PROFESSIONNELS"), "publier");
        String url = adresse(admin, id);

        WebClient anonyme = new WebClient(server);
        HttpResponse<String> r = anonyme.page(url);
        assertEquals(3, r.statusCode() / 100, "sent to sign in: " + r.statusCode());
        assertTrue(WebClient.location(r).contains("/oauth/login/sne"), WebClient.location(r));
        assertFalse(anonyme.page("/info/actualites").body().contains(titre));

        WebClient agent = connecte(AGENT_GARD);
        assertEquals(200, agent.page(url).statusCode());
        assertTrue(agent.page("/info/actualites").body().contains(titre));
        assertTrue(agent.page("/info/actualites?audience=PROFESSIONNELS").body().contains(titre));
        assertFalse(agent.page("/info/actualites?audience=PUBLIC").body().contains(titre), "the audience filter");
    }

    @Test
    void aTerritorialManagerWritesTheirTerritorysLocalPagesOnly() {
        WebClient gtIsere = connecte(GT_ISERE);
        String titre = unique("Réunion du réseau isérois");
        // whatever the form says, a GT's article is a local page of their territory
        long id = creer(gtIsere, article(titre, "ACTUALITE", "PUBLIC"), "publier");
        String url = adresse(gtIsere, id);
        assertTrue(gtIsere.page("/pro/info/articles").body().contains(titre));

        assertEquals(200, connecte(AGENT_ISERE).page(url).statusCode(), "the territory's professionals read it");
        assertTrue(connecte(AGENT_ISERE).page("/info/actualites").body().contains(titre));
        assertEquals(404, connecte(AGENT_GARD).page(url).statusCode(), "another territory's professionals do not");
        assertFalse(connecte(AGENT_GARD).page("/info/actualites").body().contains(titre));
        assertEquals(404, new WebClient(server).page(url).statusCode(), "nor does the public");

        WebClient gtGard = connecte(GT_GARD);
        assertEquals(404, gtGard.page("/pro/info/articles/" + id).statusCode(), "GT 030 cannot open 038's page");
        Map<String, String> f = article("Détournée", "ACTUALITE", "TERRITOIRE");
        f.put("action", "enregistrer");
        f.put("version", "1");
        assertEquals(404, gtGard.submit("/pro/info/articles/" + id, f).statusCode(), "nor change it");
        assertEquals(404, gtGard.submit("/pro/info/articles/" + id + "/suppression", Map.of()).statusCode(), "nor delete it");
        assertFalse(gtGard.page("/pro/info/articles").body().contains(titre));

        // national content is the national administrators' business
        long national = creer(connecte(ADMIN), article(unique("Article national"), "ACTUALITE", "PUBLIC"), "publier");
        assertEquals(403, gtIsere.page("/pro/info/articles/" + national).statusCode());
        // and desks do not write at all
        WebClient agent = connecte(AGENT_ISERE);
        assertEquals(403, agent.page("/pro/info/articles").statusCode());
        assertEquals(403, agent.submit("/pro/info/articles", new LinkedHashMap<>(Map.of("titre", "x", "action", "publier"))).statusCode());
    }

    @Test
    void aScheduledArticleAppearsAtItsTime() throws Exception {
        WebClient admin = connecte(ADMIN);
        String titre = unique("Webinaire programmé");
        Instant heure = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> champs = article(titre, "ACTUALITE", "PUBLIC");
        champs.put("publication", "programmee");
        champs.put("publicationLe", LocalDateTime.ofInstant(heure, ZoneId.of("Europe/Paris")).toString());
        long id = creer(admin, champs, "publier");
        assertTrue(admin.page("/pro/info/articles/" + id).body().contains("Programmé"));
        String url = adresse(admin, id);
        WebClient anonyme = new WebClient(server);
        assertEquals(404, anonyme.page(url).statusCode(), "not before its time");
        assertFalse(anonyme.page("/info/actualites").body().contains(titre));
        assertFalse(anonyme.page("/info/actualites/flux.xml").body().contains(titre));

        PublicationsProgrammees job = context.getBean(PublicationsProgrammees.class);
        assertEquals(0, job.executer(heure.minusSeconds(1)), "nothing due a second before");
        assertTrue(job.executer(heure.plusSeconds(1)) >= 1);
        assertEquals(200, anonyme.page(url).statusCode(), "published at its time");
        assertTrue(anonyme.page("/info/actualites/flux.xml").body().contains(titre));
        assertTrue(audit(id).contains("MODIFICATION systeme:publication-programmee PUBLIE"), audit(id).toString());

        // a date in the past is refused: the form says why
        Map<String, String> passe = article(unique("Trop tard"), "ACTUALITE", "PUBLIC");
        passe.put("publication", "programmee");
        passe.put("publicationLe", "2020-01-01T10:00");
        passe.put("action", "publier");
        HttpResponse<String> refus = admin.submit("/pro/info/articles", passe);
        assertEquals(422, refus.statusCode());
        assertTrue(refus.body().contains("La date de publication programmée doit être dans le futur."));
    }

    @Test
    void theFeedIsValidRssOfPublicPublishedNewsOnly() throws Exception {
        WebClient admin = connecte(ADMIN);
        String publique = unique("Actualité publique & <flux>");
        creer(admin, article(publique, "NOTE_VERSION", "PUBLIC"), "publier");
        String reservee = unique("Actualité réservée");
        creer(admin, article(reservee, "ACTUALITE", "PROFESSIONNELS"), "publier");
        String brouillon = unique("Actualité en brouillon");
        creer(admin, article(brouillon, "ACTUALITE", "PUBLIC"), "brouillon");
        String guide = unique("Guide public");
        creer(admin, article(guide, "GUIDE", "PUBLIC"), "publier");

        HttpResponse<String> flux = connecte(AGENT_ISERE).page("/info/actualites/flux.xml");
        assertEquals(200, flux.statusCode());
        assertTrue(flux.headers().firstValue("Content-Type").orElse("").startsWith("application/rss+xml"), flux.headers().toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(flux.body().getBytes(StandardCharsets.UTF_8)));
        var xpath = XPathFactory.newInstance().newXPath();
        assertEquals("2.0", xpath.evaluate("/rss/@version", doc));
        List<String> items = new ArrayList<>();
        var noeuds = (NodeList) xpath.evaluate("/rss/channel/item", doc, XPathConstants.NODESET);
        for (int i = 0; i < noeuds.getLength(); i++) {
            items.add(xpath.evaluate("title", noeuds.item(i)));
            assertTrue(xpath.evaluate("link", noeuds.item(i)).matches("http://localhost:\\d+/info/actualites/[a-z0-9-]+"),
                    xpath.evaluate("link", noeuds.item(i)));
        }
        assertTrue(items.contains(publique), items.toString());
        assertFalse(items.contains(reservee), "professionals' news never in the public feed, whoever asks");
        assertFalse(items.contains(brouillon));
        assertFalse(items.contains(guide), "only the news section");
    }

    @Test
    void anImportantArticleShowsAsANoticeOnTheProfessionalsHome() {
        WebClient admin = connecte(ADMIN);
        String titre = unique("Maintenance importante");
        Map<String, String> champs = article(titre, "MAINTENANCE", "PUBLIC");
        champs.put("important", "true");
        creer(admin, champs, "publier");
        String local = unique("Annonce importante du Gard");
        Map<String, String> gard = article(local, "ACTUALITE", "TERRITOIRE");
        gard.put("important", "true");
        creer(connecte(GT_GARD), gard, "publier");

        String accueil = connecte(AGENT_ISERE).page("/pro").body();
        assertTrue(accueil.contains("fr-notice"), "a DSFR notice");
        assertTrue(accueil.contains(titre));
        assertFalse(accueil.contains(local), "another territory's notice is not shown");
        assertTrue(connecte(AGENT_GARD).page("/pro").body().contains(local));
        assertTrue(new WebClient(server).page("/info").body().contains(titre), "the public information home too");
    }

    @Test
    void attachmentsGoToObjectStorageAndComeBackToReadersOnly() throws Exception {
        WebClient admin = connecte(ADMIN);
        Map<String, String> champs = article(unique("Schéma XSD interfaceNuu"), "DOCUMENT", "PUBLIC");
        champs.put("versionDocument", "02.01");
        champs.put("dateDocument", "2025-09-01");
        long id = creer(admin, champs, "brouillon");
        byte[] xsd;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fr/sne/core/interfacenuu/interfaceNuu-02.01.xsd")) {
            xsd = in.readAllBytes();
        }
        HttpResponse<String> sansJeton = multipart(admin, id, "interfaceNuu-02.01.xsd", xsd, "");
        assertEquals(403, sansJeton.statusCode(), "the upload form is CSRF-protected");
        HttpResponse<String> depot = multipart(admin, id, "interfaceNuu-02.01.xsd", xsd, admin.csrfToken());
        assertEquals(303, depot.statusCode(), depot.body());
        HttpResponse<String> refus = multipart(admin, id, "page.html", "<script>x</script>".getBytes(StandardCharsets.UTF_8), admin.csrfToken());
        assertEquals(422, refus.statusCode());
        assertTrue(refus.body().contains("Ce format n’est pas accepté"), refus.body());

        Matcher lien = Pattern.compile("href=\"(/info/pieces/\\d+/interfaceNuu-02\\.01\\.xsd)\"").matcher(admin.page("/pro/info/articles/" + id).body());
        assertTrue(lien.find());
        String telechargement = lien.group(1);
        assertEquals(200, admin.octets(telechargement).statusCode(), "authors download their draft's files");
        WebClient anonyme = new WebClient(server);
        assertEquals(404, anonyme.octets(telechargement).statusCode(), "not readers while it is a draft");

        assertEquals(303, modifier(admin, id, champs, "publier").statusCode());
        HttpResponse<byte[]> fichier = anonyme.octets(telechargement);
        assertEquals(200, fichier.statusCode());
        assertArrayEquals(xsd, fichier.body(), "the bytes stored in S3");
        assertTrue(fichier.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertEquals("nosniff", fichier.headers().firstValue("X-Content-Type-Options").orElse(""));
        String documentation = anonyme.page("/info/documentation").body();
        assertTrue(documentation.contains(telechargement), "listed with its file on the documentation page");
        assertTrue(documentation.contains("Version 02.01"));
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT cle_objet, length(texte) FROM article_piece WHERE article_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("national/info/" + id + "/"), rs.getString(1));
                assertTrue(rs.getInt(2) > 1000, "the schema's text is kept for search");
            }
        }
    }

    @Test
    void aStaleFormIsRefusedWithoutLosingTheText() {
        WebClient admin = connecte(ADMIN);
        Map<String, String> champs = article(unique("Article concurrent"), "ACTUALITE", "PUBLIC");
        long id = creer(admin, champs, "brouillon");
        String ancienne = version(admin, id);
        assertEquals(303, modifier(admin, id, champs, "brouillon").statusCode());
        Map<String, String> f = new LinkedHashMap<>(champs);
        f.put("corps", "Ma version à moi");
        f.put("action", "brouillon");
        f.put("version", ancienne);
        HttpResponse<String> r = admin.submit("/pro/info/articles/" + id, f);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("modifié par quelqu’un d’autre"));
        assertTrue(r.body().contains("Ma version à moi"));
    }

    @Test
    void listsFilterByTypeThemeAndDate() {
        WebClient admin = connecte(ADMIN);
        String maintenance = unique("Maintenance filtrée");
        Map<String, String> m = article(maintenance, "MAINTENANCE", "PUBLIC");
        m.put("themes", "INFOCENTRE");
        creer(admin, m, "publier");
        String note = unique("Note filtrée");
        creer(admin, article(note, "NOTE_VERSION", "PUBLIC"), "publier");
        WebClient anonyme = new WebClient(server);
        String parType = anonyme.page("/info/actualites?type=MAINTENANCE").body();
        assertTrue(parType.contains(maintenance));
        assertFalse(parType.contains(note));
        String parTheme = anonyme.page("/info/actualites?theme=INFOCENTRE").body();
        assertTrue(parTheme.contains(maintenance));
        assertFalse(parTheme.contains(note));
        assertFalse(anonyme.page("/info/actualites?au=2000-01-01").body().contains(maintenance));
        String dateFausse = anonyme.page("/info/actualites?du=hier").body();
        assertTrue(dateFausse.contains("Saisissez une date valide"), "a wrong date is reported, not a 500");
    }

    @Test
    void theCorpusLoadsOnceAsPublicReferenceTexts() {
        TextesDeReference textes = context.getBean(TextesDeReference.class);
        textes.charger();
        assertEquals(16_074, textes.nombre());
        assertEquals(0, textes.charger(), "a second load adds nothing");
        assertEquals(16_074, textes.nombre());

        WebClient anonyme = new WebClient(server);
        String liste = anonyme.page("/info/reglementation?code=CRPA").body();
        assertTrue(liste.contains("474 textes"), "474 articles of the CRPA");
        HttpResponse<String> texte = anonyme.page("/info/reglementation/crpa-l100-1");
        assertEquals(200, texte.statusCode());
        assertTrue(texte.body().contains("Le présent code régit les relations entre le public et l&#39;administration")
                || texte.body().contains("Le présent code régit les relations entre le public et l'administration"), texte.body());
        assertFalse(anonyme.page("/info/actualites").body().contains("crpa-l100-1"), "reference texts are not news");
    }

    /** A multipart upload as the browser sends it (the CSRF token as a form field). */
    private static HttpResponse<String> multipart(WebClient web, long id, String nom, byte[] contenu, String jeton) throws IOException {
        String limite = "----sne" + UUID.randomUUID();
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        corps.write(("--" + limite + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + jeton + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        corps.write(("--" + limite + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nom
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        corps.write(contenu);
        corps.write(("\r\n--" + limite + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.send(HttpRequest.newBuilder(web.uri("/pro/info/articles/" + id + "/pieces"))
                .header("Accept", WebClient.BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + limite)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray())).build());
    }
}

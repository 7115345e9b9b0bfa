package fr.sne.app;

import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.community.assistance.type.TypesAssistance;
import fr.sne.community.recherche.MoteurRecherche;
import fr.sne.community.recherche.Recherche;
import fr.sne.community.recherche.RechercheService;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Support tickets through the pages, signed in as the demo personas: sharing with the
 * organisation and with a team (pages, lists and search), agents, outsiders (404), internal notes
 * never shown nor found by requesters, fields validated next to them, suggestions and deflections.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistancePagesTest implements SharedServicesTest {

    private static final Pattern CLE = Pattern.compile("/assistance/(AST-\\d{4}-\\d{6,})\\?message=creee");

    @Inject
    EmbeddedServer server;
    @Inject
    TypesAssistance types;
    @Inject
    EquipeRepository equipes;
    @Inject
    TenantTransactions transactions;
    @Inject
    MoteurRecherche moteur;
    @Inject
    RechercheService recherche;
    @Inject
    fr.sne.community.assistance.TicketRepository tickets;

    AssistanceFixture f;
    long anomalieSne;
    long habilitationSne;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    @BeforeAll
    void preparer() {
        f = new AssistanceFixture(transactions, equipes);
        anomalieSne = types.actifs().stream().filter(t -> t.code().equals("sne-anomalie")).findFirst().orElseThrow().id();
        habilitationSne = types.actifs().stream().filter(t -> t.code().equals("sne-habilitation")).findFirst().orElseThrow().id();
    }

    WebClient connecte(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        // other tests may have given the persona a second habilitation (e.g. AdministrationTest):
        // the ticket's organisation is the active one, so choose the persona's first, demo one
        try (java.sql.Connection c = SiteInformationTest.owner(); java.sql.PreparedStatement ps = c.prepareStatement("""
                SELECT count(*), min(h.id) FROM habilitation h JOIN utilisateur u ON u.id = h.utilisateur_id WHERE lower(u.email) = ?""")) {
            ps.setString(1, email);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 1) {
                    assertEquals(303, web.submit("/pro/habilitation", Map.of("habilitation", Long.toString(rs.getLong(2)))).statusCode());
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return web;
    }

    static String mot() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Files a ticket through the form; returns its key. */
    String creer(WebClient web, String resume, boolean organisation, Long equipe) {
        List<Map.Entry<String, String>> champs = new ArrayList<>(List.of(
                Map.entry("type", Long.toString(anomalieSne)), Map.entry("priorite", "HAUTE"), Map.entry("resume", resume),
                Map.entry("description", "Le bouton **Enregistrer** ne répond pas."), Map.entry("champ_environnement", "Production"),
                Map.entry("champ_guichet", "38001"), Map.entry("action", "creer")));
        if (organisation) {
            champs.add(Map.entry("partageOrganisation", "true"));
        }
        if (equipe != null) {
            champs.add(Map.entry("equipes", equipe.toString()));
        }
        HttpResponse<String> r = web.submitPairs("/assistance", champs);
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = CLE.matcher(WebClient.location(r));
        assertTrue(m.find(), WebClient.location(r));
        return m.group(1);
    }

    int statut(String email, String chemin) {
        return connecte(email).page(chemin).statusCode();
    }

    boolean dansLaListe(String email, String chemin, String cle) {
        HttpResponse<String> r = connecte(email).page(chemin);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().contains(cle);
    }

    @Test
    void partageOrganisationPagesEtRecherche() {
        String mot = mot();
        WebClient julie = connecte("agent.actis@sne.test");
        String cle = creer(julie, "Bouton muet " + mot, true, null);
        HttpResponse<String> fiche = julie.page("/assistance/" + cle + "?message=creee");
        assertEquals(200, fiche.statusCode());
        assertTrue(fiche.body().contains("Votre demande est envoyée"), fiche.body());
        assertTrue(fiche.body().contains("Production"));
        assertTrue(fiche.body().contains("<strong>Enregistrer</strong>"), "Markdown rendered");

        assertEquals(200, statut("manager.actis@sne.test", "/assistance/" + cle));
        assertEquals(404, statut("agent.stegreve@sne.test", "/assistance/" + cle));
        assertEquals(404, statut("agent.logis@sne.test", "/assistance/" + cle));
        assertEquals(200, statut("support@sne.test", "/assistance/" + cle));
        assertTrue(dansLaListe("manager.actis@sne.test", "/assistance", cle));
        assertTrue(dansLaListe("manager.actis@sne.test", "/assistance?portee=organisation", cle));
        assertFalse(dansLaListe("manager.actis@sne.test", "/assistance?portee=miennes", cle));
        assertFalse(dansLaListe("agent.stegreve@sne.test", "/assistance", cle));

        moteur.attendreVisibilite();
        assertTrue(dansLaListe("manager.actis@sne.test", "/assistance?q=" + mot, cle), "full-text search, organisation");
        assertFalse(dansLaListe("agent.stegreve@sne.test", "/assistance?q=" + mot, cle));
        assertTrue(dansLaListe("support@sne.test", "/assistance?q=" + mot, cle), "agents find every ticket");
        assertEquals(1, recherche.rechercher(f.pro("manager.actis@sne.test"), Recherche.de(mot)).total(), "site search");
        assertEquals(0, recherche.rechercher(f.pro("agent.stegreve@sne.test"), Recherche.de(mot)).total());
        assertEquals(0, recherche.rechercher(f.pro("gt.isere@sne.test"), Recherche.de(mot)).total());
        assertEquals(1, recherche.rechercher(f.pro("support@sne.test"), Recherche.de(mot)).total());
    }

    @Test
    void partageEquipeEtResolusJamaisMasques() {
        long fichiers = f.equipe("Gestionnaires de fichiers partagés");
        String mot = mot();
        WebClient claire = connecte("gt.isere@sne.test");
        String cle = creer(claire, "Fichier partagé " + mot, false, fichiers);
        assertEquals(200, statut("gt.gard@sne.test", "/assistance/" + cle));
        assertEquals(200, statut("manager.actis@sne.test", "/assistance/" + cle));
        assertEquals(404, statut("agent.actis@sne.test", "/assistance/" + cle));
        assertTrue(dansLaListe("gt.gard@sne.test", "/assistance?portee=equipes", cle));
        moteur.attendreVisibilite();
        assertTrue(dansLaListe("gt.gard@sne.test", "/assistance?q=" + mot, cle));
        assertFalse(dansLaListe("agent.actis@sne.test", "/assistance?q=" + mot, cle));

        // the agent resolves it: still in the requester's default list
        WebClient support = connecte("support@sne.test");
        HttpResponse<String> r = support.submit("/assistance/" + cle + "/statut", Map.of("statut", "RESOLU"));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(dansLaListe("gt.isere@sne.test", "/assistance", cle), "resolved tickets are never hidden by default");
        assertTrue(dansLaListe("gt.isere@sne.test", "/assistance?statut=RESOLU", cle));
        assertFalse(dansLaListe("gt.isere@sne.test", "/assistance?statut=OUVERT", cle));
    }

    @Test
    void notesInternesInvisiblesPourLeDemandeur() {
        WebClient julie = connecte("agent.actis@sne.test");
        String cle = creer(julie, "Note " + mot(), false, null);
        String secret = mot();
        String publique = mot();
        WebClient support = connecte("support@sne.test");
        assertEquals(303, support.submit("/assistance/" + cle + "/commentaires", Map.of("nature", "note", "texte", "Piste interne " + secret)).statusCode());
        assertEquals(303, support.submit("/assistance/" + cle + "/commentaires", Map.of("nature", "reponse", "texte", "Réponse " + publique)).statusCode());
        String vueDemandeur = julie.page("/assistance/" + cle).body();
        assertFalse(vueDemandeur.contains(secret));
        assertFalse(vueDemandeur.contains("Note interne"));
        assertTrue(vueDemandeur.contains(publique));
        assertTrue(support.page("/assistance/" + cle).body().contains(secret));
        // a requester cannot post a note
        assertEquals(403, julie.submit("/assistance/" + cle + "/commentaires", Map.of("nature", "note", "texte", "x")).statusCode());
        moteur.attendreVisibilite();
        assertFalse(dansLaListe("agent.actis@sne.test", "/assistance?q=" + secret, cle), "notes are never indexed");
        assertTrue(dansLaListe("agent.actis@sne.test", "/assistance?q=" + publique, cle));
        assertEquals(0, recherche.rechercher(f.pro("support@sne.test"), Recherche.de(secret)).total(), "not even for agents");
        // the reader of the organisation cannot reply, and the agents' queue shows the service level in words
        HttpResponse<String> file = support.page("/assistance/file");
        assertEquals(200, file.statusCode());
        assertTrue(file.body().contains(cle));
        assertTrue(file.body().contains("Dans les délais") || file.body().contains("Échéance proche") || file.body().contains("Délai dépassé"));
        assertEquals(403, julie.page("/assistance/file").statusCode());
    }

    @Test
    void champsVerifiesACoteDesChamps() {
        WebClient julie = connecte("agent.actis@sne.test");
        HttpResponse<String> r = julie.submitPairs("/assistance", List.of(Map.entry("type", Long.toString(habilitationSne)),
                Map.entry("priorite", "NORMALE"), Map.entry("resume", ""), Map.entry("description", "Accès refusé"),
                Map.entry("champ_guichet", "trop-long"), Map.entry("action", "creer")));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"champ_guichet-erreur\""), r.body());
        assertTrue(r.body().contains("Le code du guichet compte 5 chiffres"));
        assertTrue(r.body().contains("Renseignez le champ « Environnement »"));
        assertTrue(r.body().contains("Résumez votre demande"));
        assertTrue(r.body().contains("value=\"Accès refusé\"") || r.body().contains("Accès refusé</textarea>"), "the form keeps what was typed");
    }

    @Test
    void suggestionsEtDeflexion() throws SQLException {
        String mot = mot();
        WebClient admin = connecte("admin@sne.test");
        Map<String, String> article = new LinkedHashMap<>();
        article.put("titre", "Réinitialiser un mot de passe " + mot);
        article.put("resume", "La marche à suivre.");
        article.put("type", "FAQ");
        article.put("themes", "SNE");
        article.put("audience", "PROFESSIONNELS");
        article.put("corps", "Cliquez sur **Mot de passe oublié**.");
        article.put("publication", "maintenant");
        article.put("action", "publier");
        assertEquals(303, admin.submit("/pro/info/articles", article).statusCode());
        moteur.attendreVisibilite();

        WebClient julie = connecte("agent.actis@sne.test");
        HttpResponse<String> fragment = julie.page("/assistance/suggestions?q=" + mot + "&type=" + anomalieSne);
        assertEquals(200, fragment.statusCode());
        assertTrue(fragment.body().contains("Réinitialiser un mot de passe"), fragment.body());
        assertTrue(fragment.body().contains("Ma question est résolue"));
        // without script: the button posts the form back with the suggestions under the summary
        HttpResponse<String> sansScript = julie.submitPairs("/assistance", List.of(Map.entry("type", Long.toString(anomalieSne)),
                Map.entry("resume", "mot de passe " + mot), Map.entry("action", "suggestions")));
        assertEquals(200, sansScript.statusCode());
        assertTrue(sansScript.body().contains("Réinitialiser un mot de passe"));

        long avant = deflexions();
        Matcher url = Pattern.compile("name=\"url\" value=\"([^\"]+)\"").matcher(fragment.body());
        assertTrue(url.find());
        HttpResponse<String> d = julie.submitPairs("/assistance/deflexion", List.of(Map.entry("url", url.group(1)),
                Map.entry("type", Long.toString(anomalieSne)), Map.entry("resume", "mot de passe " + mot)));
        assertEquals(303, d.statusCode());
        assertEquals(url.group(1), WebClient.location(d), "on to the answer");
        assertEquals(avant + 1, deflexions());
        HttpResponse<String> rapport = connecte("support@sne.test").page("/assistance/rapport");
        assertEquals(200, rapport.statusCode());
        assertTrue(rapport.body().contains("Questions résolues sans demande"));
        assertEquals(403, julie.page("/assistance/rapport").statusCode());
    }

    @Test
    void equipesEtPreferences() {
        WebClient admin = connecte("admin@sne.test");
        String nom = "Équipe " + mot();
        HttpResponse<String> r = admin.submit("/assistance/admin/equipes", Map.of("nom", nom, "description", "Test"));
        assertEquals(303, r.statusCode(), r.body());
        String page = WebClient.location(r).replaceAll("\\?.*", "");
        assertEquals(303, admin.submit(page + "/membres", Map.of("courriel", "agent.stegreve@sne.test")).statusCode());
        assertTrue(admin.page(page).body().contains("agent.stegreve@sne.test"));
        assertEquals(422, admin.submit(page + "/membres", Map.of("courriel", "inconnu@nulle-part.fr")).statusCode());
        assertEquals(422, admin.submit("/assistance/admin/equipes", Map.of("nom", nom)).statusCode(), "name taken");
        assertEquals(403, statut("support@sne.test", "/assistance/admin/equipes"), "national administrators only");

        // the member makes it their default team: ticked on their new tickets
        WebClient sophie = connecte("agent.stegreve@sne.test");
        String id = page.substring(page.lastIndexOf('/') + 1);
        assertEquals(303, sophie.submit("/assistance/preferences", Map.of("equipe", id)).statusCode());
        String formulaire = sophie.page("/assistance/nouvelle?type=" + anomalieSne).body();
        assertTrue(Pattern.compile("name=\"equipes\" value=\"" + id + "\"\\s+checked").matcher(formulaire).find()
                || formulaire.contains("value=\"" + id + "\" checked"), formulaire);
        // not a member: refused
        assertEquals(422, connecte("agent.logis@sne.test").submit("/assistance/preferences", Map.of("equipe", id)).statusCode());
    }

    @Test
    void piecesJointesStockeesEtCherchables() throws Exception {
        WebClient julie = connecte("agent.actis@sne.test");
        String cle = creer(julie, "Journal " + mot(), true, null);
        String mot = mot();
        HttpResponse<String> sansJeton = televerser(julie, cle, "journal.txt", ("Erreur " + mot + " au démarrage").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(403, sansJeton.statusCode(), "the upload form is CSRF-protected");
        HttpResponse<String> depot = televerser(julie, cle, "journal.txt", ("Erreur " + mot + " au démarrage").getBytes(StandardCharsets.UTF_8),
                julie.csrfToken());
        assertEquals(303, depot.statusCode(), depot.body());
        HttpResponse<String> refus = televerser(julie, cle, "page.html", "<script>x</script>".getBytes(StandardCharsets.UTF_8), julie.csrfToken());
        assertEquals(422, refus.statusCode());
        assertTrue(refus.body().contains("Ce format n’est pas accepté"));

        String fiche = julie.page("/assistance/" + cle).body();
        Matcher lien = Pattern.compile("href=\"(/assistance/" + cle + "/pieces/\\d+)\"").matcher(fiche);
        assertTrue(lien.find(), fiche);
        HttpResponse<byte[]> fichier = connecte("manager.actis@sne.test").download(lien.group(1));
        assertEquals(200, fichier.statusCode());
        assertTrue(new String(fichier.body(), StandardCharsets.UTF_8).contains(mot));
        assertTrue(fichier.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(404, connecte("agent.stegreve@sne.test").download(lien.group(1)).statusCode());
        moteur.attendreVisibilite();
        assertTrue(dansLaListe("manager.actis@sne.test", "/assistance?q=" + mot, cle), "the attachment's text is searchable");
    }

    /** A multipart upload as the browser sends it (the CSRF token as a form field). */
    private static HttpResponse<String> televerser(WebClient web, String cle, String nom, byte[] contenu, String jeton) throws IOException {
        String limite = "----sne" + UUID.randomUUID();
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        corps.write(("--" + limite + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + jeton + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        corps.write(("--" + limite + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nom
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        corps.write(contenu);
        corps.write(("\r\n--" + limite + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.send(java.net.http.HttpRequest.newBuilder(web.uri("/assistance/" + cle + "/pieces"))
                .header("Accept", WebClient.BROWSER_ACCEPT)
                .header("Content-Type", "multipart/form-data; boundary=" + limite)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray())).build());
    }

    @Test
    void reglagesParLesAdministrateursNationaux() {
        WebClient admin = connecte("admin@sne.test");
        assertEquals(200, admin.page("/assistance/admin/reglages").statusCode());
        assertEquals(403, statut("support@sne.test", "/assistance/admin/reglages"));
        assertEquals(403, connecte("support@sne.test").submit("/assistance/admin/reglages/feries",
                Map.of("jour", "2026-12-26", "libelle", "Saint-Étienne")).statusCode());
        assertEquals(303, admin.submit("/assistance/admin/reglages/feries", Map.of("jour", "2026-12-26", "libelle", "Saint-Étienne")).statusCode());
        assertTrue(admin.page("/assistance/admin/reglages").body().contains("2026-12-26 — Saint-Étienne"));
        HttpResponse<String> mauvais = admin.submit("/assistance/admin/reglages/objectifs",
                Map.of("priorite", "HAUTE", "premiereReponse", "beaucoup", "resolution", "2"));
        assertEquals(422, mauvais.statusCode());
        assertTrue(mauvais.body().contains("Saisissez un nombre d’heures ouvrées"));
        assertEquals(303, admin.submit("/assistance/admin/reglages/objectifs",
                Map.of("type", Long.toString(anomalieSne), "priorite", "CRITIQUE", "premiereReponse", "0,5", "resolution", "4")).statusCode());
        assertTrue(admin.page("/assistance/admin/reglages").body().contains("Anomalie — SNE"));
        assertEquals(422, admin.submit("/assistance/admin/reglages/cloture", Map.of("jours", "0")).statusCode());
        assertEquals(303, admin.submit("/assistance/admin/reglages/feries/retrait", Map.of("jour", "2026-12-26")).statusCode());
        assertFalse(admin.page("/assistance/admin/reglages").body().contains("Saint-Étienne"));
    }

    @Test
    void rlsDesDemandes() {
        WebClient julie = connecte("agent.actis@sne.test");
        String cle = creer(julie, "RLS " + mot(), false, null);
        // the application role in another territory's scope does not see the ticket, nor write on it
        assertTrue(transactions.inScope(fr.sne.tenants.tenancy.Scope.territoire("030"), () -> tickets.parCle(cle)).isEmpty());
        assertTrue(transactions.inScope(fr.sne.tenants.tenancy.Scope.territoireReadOnly("038"), () -> tickets.parCle(cle)).isPresent());
        assertTrue(transactions.inScope(fr.sne.tenants.tenancy.Scope.nationalReadOnly(), () -> tickets.parCle(cle)).isPresent());
        long id = transactions.inScope(fr.sne.tenants.tenancy.Scope.nationalReadOnly(), () -> tickets.parCle(cle)).orElseThrow().id();
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> transactions.inScope(
                fr.sne.tenants.tenancy.Scope.territoire("030"), () -> tickets.ajouterCommentaire(id, f.id("agent.logis@sne.test"), "x", true, null,
                        java.time.Instant.now()))).getMessage() != null);
        assertEquals(0, transactions.inScope(fr.sne.tenants.tenancy.Scope.nationalReadOnly(), () -> tickets.commentaires(id, true)).size());
    }

    private long deflexions() throws SQLException {
        // row-level security is forced on the owner too: read as the national scope
        try (Connection c = SiteInformationTest.owner(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM deflexion_assistance, (SELECT set_config('sne.portee', 'NATIONAL', false)) s""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

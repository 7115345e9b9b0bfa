package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anti-fraud: desks' changes of names (minor at once, major pending until the GT or the desk's
 * manager decides, never the asker), the GT's monitoring and its CSV, the applicant's history.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AntifraudeTest implements SharedServicesTest {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");
    private static final Pattern CHANGEMENT = Pattern.compile("/changements-nom/(\\d+)/valider");

    @Inject
    EmbeddedServer server;

    // ---- helpers -------------------------------------------------------------------------------

    private static String nom(String debut) {
        return debut + Pdfs.lettres(6);
    }

    private static String corps(String nom, String prenoms, String tel) {
        return """
                {"demandeur": {"civilite": "1", "nomNaissance": "%s", "nomUsage": null, "prenoms": "%s",
                  "dateNaissance": "1971-05-04", "nationalite": "1", "mel": "anti.fraude@example.org", "telPortable": "%s",
                  "adresse": {"numero": "10", "voie": "rue des Alpes", "codePostal": "38000", "communeInsee": "38185"}},
                 "logementRecherche": {"typesLogement": ["T2"], "communesSouhaitees": ["38185"]}}""".formatted(nom, prenoms, tel);
    }

    private HttpRequest.Builder api(String client, String path) {
        WebClient web = new WebClient(server);
        return HttpRequest.newBuilder(web.uri(path))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600))
                .header("Accept", "application/json");
    }

    private HttpResponse<String> envoyer(HttpRequest request) {
        return new WebClient(server).send(request);
    }

    /** Registers an application through ACTIS's (or another desk's) software; returns its number. */
    private String creer(String client, String nom, String prenoms) {
        HttpResponse<String> r = envoyer(api(client, "/api/v1.0/demandes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(corps(nom, prenoms, "0606060606"))).build());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = NUMERO.matcher(r.body());
        assertTrue(m.find());
        return m.group(1);
    }

    private HttpResponse<String> lire(String numero) {
        return envoyer(api("editeur-actis", "/api/v1.0/demandes/" + numero).GET().build());
    }

    private HttpResponse<String> put(String client, String numero, String body) {
        String etag = lire(numero).headers().firstValue("ETag").orElseThrow();
        return envoyer(api(client, "/api/v1.0/demandes/" + numero).header("Content-Type", "application/json")
                .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Connection owner() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
    }

    private static long compter(String sql, Object... parametres) {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parametres.length; i++) {
                ps.setObject(i + 1, parametres[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void executer(String sql, Object... parametres) {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parametres.length; i++) {
                ps.setObject(i + 1, parametres[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new professional with these habilitations ("PROFIL:guichet"), all certified. */
    private static void utilisateur(String email, String... habilitations) {
        executer("INSERT INTO utilisateur (email, prenom, nom) VALUES (?, 'Test', 'Antifraude')", email);
        for (String h : habilitations) {
            String[] p = h.split(":");
            executer("""
                    INSERT INTO habilitation (utilisateur_id, profil, guichet, territoire, certifiee_le)
                    SELECT id, ?, ?, '038', now() FROM utilisateur WHERE email = ?""", p[0], p[1], email);
        }
    }

    /** Signs in (a demo persona, or a user this test created) and makes this habilitation the active one. */
    private WebClient connecte(String email, String profil, String guichet, boolean persona) {
        WebClient web = new WebClient(server);
        if (persona) {
            web.signInAs(email);
        } else {
            web.signInAsProfessional(email, "Test", "Antifraude");
        }
        long id = compter("""
                SELECT h.id FROM habilitation h JOIN utilisateur u ON u.id = h.utilisateur_id
                 WHERE u.email = ? AND h.profil = ? AND h.guichet IS NOT DISTINCT FROM ?""", email, profil, guichet);
        HttpResponse<String> choix = web.submit("/pro/habilitation", Map.of("habilitation", Long.toString(id)));
        assertEquals(303, choix.statusCode(), choix.body());
        return web;
    }

    /** The desk form's Demandeur tab as ACTIS's software registered it, with these names and phone. */
    private static List<Map.Entry<String, String>> ongletDemandeur(String version, String nom, String prenoms, String tel) {
        return new ArrayList<>(List.of(Map.entry("onglet", "demandeur"), Map.entry("version", version),
                Map.entry("demandeur.civilite", "1"), Map.entry("demandeur.nomNaissance", nom), Map.entry("demandeur.prenoms", prenoms),
                Map.entry("demandeur.dateNaissance", "1971-05-04"), Map.entry("demandeur.nationalite", "1"),
                Map.entry("demandeur.mel", "anti.fraude@example.org"), Map.entry("demandeur.telPortable", tel),
                Map.entry("demandeur.adresse.numero", "10"), Map.entry("demandeur.adresse.voie", "rue des Alpes"),
                Map.entry("demandeur.adresse.codePostal", "38000"), Map.entry("demandeur.adresse.communeInsee", "38185"),
                Map.entry("action", "modifier")));
    }

    /** The pending change of an application, as its panel offers it to someone who may decide. */
    private static String changementADecider(String fiche) {
        Matcher m = CHANGEMENT.matcher(fiche);
        assertTrue(m.find(), "a Valider button expected");
        return m.group(1);
    }

    private static long enAttente(String numero) {
        return compter("SELECT id FROM changement_nom WHERE numero_unique = ? AND statut = 'EN_ATTENTE'", numero);
    }

    // ---- desks' changes ------------------------------------------------------------------------

    @Test
    void aDesksMinorChangeIsAppliedAtOnce() {
        String nom = nom("Lefevre-Martin");
        String numero = creer("editeur-actis", nom, "Anne Marie");
        WebClient agent = connecte("agent.actis@sne.test", "GUICHET_ENREGISTREUR", "38001", true);
        // accents, case, hyphen and one letter: minor
        String corrige = "LEFÈVRE MARTIN" + nom.substring("Lefevre-Martin".length()).toUpperCase();
        HttpResponse<String> r = agent.submitPairs("/pro/demandes/" + numero + "/modifier",
                ongletDemandeur("1", corrige, "Anne-Mari", "0611111111"));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(WebClient.location(r).endsWith("?message=modifiee"), WebClient.location(r));
        String fiche = agent.page(WebClient.location(r)).body();
        assertTrue(fiche.contains("Les modifications sont enregistrées."), fiche);
        assertFalse(fiche.contains("en attente de validation"), fiche);
        String lu = lire(numero).body();
        assertTrue(lu.contains("\"nomNaissance\":\"" + corrige + "\""), lu);
        assertTrue(lu.contains("\"prenoms\":\"Anne-Mari\""), lu);
        // recorded for the monitoring, as a minor change applied at once
        assertEquals(1, compter("SELECT count(*) FROM changement_nom WHERE numero_unique = ? AND statut = 'APPLIQUE' AND mineur"
                + " AND guichet = '38001' AND demande_par = 'agent.actis@sne.test'", numero));
        assertTrue(fiche.contains("Changements de nom déjà traités (1)"), fiche);
    }

    @Test
    void aMajorChangeThroughTheApiWaitsTheRestIsAppliedAndTheAnswerSaysSo() {
        String nom = nom("Dupont");
        String numero = creer("editeur-actis", nom, "Jean");
        String autre = nom("Durand");
        HttpResponse<String> r = put("editeur-actis", numero, corps(autre, "Jean", "0622222222"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1", r.headers().firstValue("SNE-Changements-En-Attente").orElse(""));
        assertTrue(r.body().contains("\"changementsEnAttente\":[{\"id\":"), r.body());
        assertTrue(r.body().contains("\"champs\":[\"demandeur.nomNaissance\"]"), r.body());
        assertTrue(r.body().contains("en attente de validation"), r.body());
        // the contract's fields are all there; the name stays, the phone changed
        assertTrue(r.body().contains("\"numeroUnique\":\"" + numero + "\""), r.body());
        assertTrue(r.body().contains("\"version\":2"), r.body());
        assertTrue(r.body().contains("\"nomNaissance\":\"" + nom + "\""), r.body());
        assertTrue(r.body().contains("\"telPortable\":\"0622222222\""), r.body());
        assertEquals("\"" + numero + "-2\"", r.headers().firstValue("ETag").orElse(""));

        // the vendor sends its copy again: still one pending change, told again
        HttpResponse<String> encore = put("editeur-actis", numero, corps(autre, "Jean", "0633333333"));
        assertEquals(200, encore.statusCode(), encore.body());
        assertEquals("1", encore.headers().firstValue("SNE-Changements-En-Attente").orElse(""));
        assertEquals(1, compter("SELECT count(*) FROM changement_nom WHERE numero_unique = ? AND statut = 'EN_ATTENTE'", numero));
        // nothing held back: an empty list, the header says 0
        HttpResponse<String> rien = put("editeur-actis", numero, corps(nom, "Jean", "0644444444"));
        assertEquals("0", rien.headers().firstValue("SNE-Changements-En-Attente").orElse(""));
        assertTrue(rien.body().contains("\"changementsEnAttente\":[]"), rien.body());
        // the pending change was recorded with its audit row
        assertEquals(1, compter("SELECT count(*) FROM audit WHERE objet_type = 'CHANGEMENT_NOM' AND action = 'CREATION'"
                + " AND acteur = 'client:editeur-actis' AND apres ->> 'numeroUnique' = ?", numero));
    }

    @Test
    void theDeskFormKeepsTheNamesAndSaysTheChangeWaits() {
        String nom = nom("Bernard");
        String numero = creer("editeur-actis", nom, "Paul");
        WebClient agent = connecte("agent.actis@sne.test", "GUICHET_ENREGISTREUR", "38001", true);
        String autre = nom("Bertrand");
        // moving to another tab saves: the form comes back with the names as they are, and says why
        List<Map.Entry<String, String>> onglet = ongletDemandeur("1", autre, "Paul", "0655555555");
        onglet.removeIf(e -> e.getKey().equals("action"));
        onglet.add(Map.entry("aller", "conjoint"));
        HttpResponse<String> r = agent.submitPairs("/pro/demandes/" + numero + "/modifier", onglet);
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(WebClient.location(r).contains("message=nom-en-attente"), WebClient.location(r));
        String formulaire = agent.page(WebClient.location(r)).body();
        assertTrue(formulaire.contains("changement de nom en attente de validation"), formulaire);
        HttpResponse<String> fin = agent.submitPairs("/pro/demandes/" + numero + "/modifier", List.of(Map.entry("onglet", "conjoint"),
                Map.entry("version", "2"), Map.entry("action", "modifier")));
        assertEquals(303, fin.statusCode(), fin.body());
        String fiche = agent.page("/pro/demandes/" + numero).body();
        assertTrue(fiche.contains("Un changement de nom en attente de validation"), fiche);
        assertTrue(fiche.contains(nom.toUpperCase()) || fiche.contains(nom), fiche);
        assertTrue(fiche.contains("0655555555"), "the rest of the update is applied");
        // the agent who asked sees no decision buttons
        assertFalse(fiche.contains("/valider"), fiche);
        assertTrue(fiche.contains("Vous ne pouvez pas décider de ce changement."), fiche);
        assertTrue(lire(numero).body().contains("\"nomNaissance\":\"" + nom + "\""));
    }

    // ---- decisions -----------------------------------------------------------------------------

    @Test
    void theAskerNeverValidatesEvenAsManagerAnotherDesksManagerNeither() {
        String email = "double." + Pdfs.lettres(6).toLowerCase() + "@sne.test";
        utilisateur(email, "GUICHET_ENREGISTREUR:38001", "GUICHET_MANAGER:38001");
        String nom = nom("Moreau");
        String numero = creer("editeur-actis", nom, "Luc");
        WebClient agent = connecte(email, "GUICHET_ENREGISTREUR", "38001", false);
        HttpResponse<String> r = agent.submitPairs("/pro/demandes/" + numero + "/modifier",
                ongletDemandeur("1", nom("Lambert"), "Luc", "0606060606"));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(WebClient.location(r).endsWith("?message=nom-en-attente"), WebClient.location(r));
        assertTrue(agent.page(WebClient.location(r)).body().contains("changement de nom en attente de validation"));
        long id = enAttente(numero);

        // the same person under their manager habilitation: no button, and 403 if they try
        WebClient commeManager = connecte(email, "GUICHET_MANAGER", "38001", false);
        assertFalse(commeManager.page("/pro/demandes/" + numero).body().contains("/valider"));
        assertEquals(403, commeManager.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/valider", Map.of()).statusCode());
        assertEquals(403, commeManager.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/refuser",
                Map.of("motif", "Je refuse ma propre demande")).statusCode());

        // a manager of another desk
        String autreManager = "manager.stegreve." + Pdfs.lettres(6).toLowerCase() + "@sne.test";
        utilisateur(autreManager, "GUICHET_MANAGER:38002");
        WebClient stegreve = connecte(autreManager, "GUICHET_MANAGER", "38002", false);
        assertEquals(403, stegreve.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/valider", Map.of()).statusCode());
        // an agent of the same desk
        WebClient collegue = connecte("agent.actis@sne.test", "GUICHET_ENREGISTREUR", "38001", true);
        assertEquals(403, collegue.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/valider", Map.of()).statusCode());
        // another territory does not know it
        WebClient gard = connecte("gt.gard@sne.test", "GESTIONNAIRE_TERRITORIAL", null, true);
        assertEquals(404, gard.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/valider", Map.of()).statusCode());

        assertEquals("EN_ATTENTE", statut(id));
        assertTrue(lire(numero).body().contains("\"nomNaissance\":\"" + nom + "\""), "nothing written");

        // the desk's (other) manager may
        WebClient manager = connecte("manager.actis@sne.test", "GUICHET_MANAGER", "38001", true);
        String fiche = manager.page("/pro/demandes/" + numero).body();
        assertEquals(Long.toString(id), changementADecider(fiche));
        HttpResponse<String> valide = manager.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/valider", Map.of());
        assertEquals(303, valide.statusCode(), valide.body());
        assertEquals("VALIDE", statut(id));
    }

    @Test
    void theGtValidatesTheNamesBecomeANewVersionWithMovementEventAndAudit() {
        String nom = nom("Petit");
        String numero = creer("editeur-actis", nom, "Marie");
        String autre = nom("Grand");
        assertEquals(200, put("editeur-actis", numero, corps(autre, "Marie-Claire", "0606060606")).statusCode());
        long id = enAttente(numero);
        long mouvements = compter("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'MOD'", numero);

        WebClient gt = connecte("gt.isere@sne.test", "GESTIONNAIRE_TERRITORIAL", null, true);
        String fiche = gt.page("/pro/demandes/" + numero).body();
        assertTrue(fiche.contains(nom + " Marie → " + autre + " Marie-Claire"), fiche);
        assertTrue(fiche.contains("Logiciel du guichet"), fiche);
        HttpResponse<String> r = gt.submit("/pro/demandes/" + numero + "/changements-nom/" + changementADecider(fiche) + "/valider",
                Map.of());
        assertEquals(303, r.statusCode(), r.body());
        String page = gt.page(WebClient.location(r)).body();
        assertTrue(page.contains("Le changement de nom est validé"), page);
        assertTrue(page.contains("Validé par Claire Moreau"), page);

        String lu = lire(numero).body();
        assertTrue(lu.contains("\"nomNaissance\":\"" + autre + "\""), lu);
        assertTrue(lu.contains("\"prenoms\":\"Marie-Claire\""), lu);
        // the update asked for the name only: the validation writes version 2
        assertTrue(lu.contains("\"version\":2"), lu);
        assertEquals(mouvements + 1, compter("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'MOD'", numero));
        assertEquals(1, compter("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'MODDEM'"
                + " AND auteur = 'gt.isere@sne.test' AND commentaire LIKE 'Changement de nom du demandeur validé%'", numero));
        assertEquals(1, compter("SELECT count(*) FROM audit WHERE objet_type = 'DEMANDE' AND objet_id = ? AND action = 'MODIFICATION'"
                + " AND acteur = 'gt.isere@sne.test' AND apres ->> 'version' = '2'", numero));
        assertEquals(1, compter("SELECT count(*) FROM audit WHERE objet_type = 'CHANGEMENT_NOM' AND objet_id = ?"
                + " AND action = 'MODIFICATION' AND acteur = 'gt.isere@sne.test' AND apres ->> 'statut' = 'VALIDE'", Long.toString(id)));
        assertEquals(2, compter("SELECT version_appliquee FROM changement_nom WHERE id = ?", id));
        // the duplicate keys follow the names
        assertEquals(1, compter("SELECT count(*) FROM demande WHERE numero_unique = ? AND nom_naissance_cle = lower(?)", numero, autre));

        // deciding twice: a clear conflict, nothing written
        HttpResponse<String> encore = gt.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/valider", Map.of());
        assertEquals(409, encore.statusCode());
        assertTrue(encore.body().contains("déjà été validé"), encore.body());
    }

    @Test
    void aRefusalNeedsAReasonAndKeepsTheNames() {
        String nom = nom("Girard");
        String numero = creer("editeur-actis", nom, "Sophie");
        assertEquals(200, put("editeur-actis", numero, corps(nom("Rousseau"), "Sophie", "0606060606")).statusCode());
        long id = enAttente(numero);
        WebClient manager = connecte("manager.actis@sne.test", "GUICHET_MANAGER", "38001", true);
        HttpResponse<String> sansMotif = manager.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/refuser",
                Map.of("motif", "  "));
        assertEquals(422, sansMotif.statusCode());
        assertTrue(sansMotif.body().contains("Indiquez le motif du refus."), sansMotif.body());
        assertEquals("EN_ATTENTE", statut(id));

        HttpResponse<String> r = manager.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/refuser",
                Map.of("motif", "Aucun justificatif d’identité présenté"));
        assertEquals(303, r.statusCode(), r.body());
        String page = manager.page(WebClient.location(r)).body();
        assertTrue(page.contains("Le changement de nom est refusé"), page);
        assertTrue(page.contains("Aucun justificatif d’identité présenté"), page);
        assertEquals("REFUSE", statut(id));
        String lu = lire(numero).body();
        assertTrue(lu.contains("\"nomNaissance\":\"" + nom + "\""), lu);
        assertTrue(lu.contains("\"version\":1"), "no new version");
        assertEquals(1, compter("SELECT count(*) FROM audit WHERE objet_type = 'CHANGEMENT_NOM' AND objet_id = ?"
                + " AND acteur = 'manager.actis@sne.test' AND apres ->> 'statut' = 'REFUSE'", Long.toString(id)));
    }

    @Test
    void aStaleChangeIsAClearConflict() {
        String nom = nom("Fabre");
        String numero = creer("editeur-actis", nom, "Thomas");
        assertEquals(200, put("editeur-actis", numero, corps(nom("Leroy"), "Thomas", "0606060606")).statusCode());
        long id = enAttente(numero);
        // meanwhile a minor correction of the current name is applied
        HttpResponse<String> mineur = put("editeur-stegreve", numero, corps(nom.toUpperCase(), "Thomas", "0606060606"));
        assertEquals(200, mineur.statusCode(), mineur.body());
        assertEquals("0", mineur.headers().firstValue("SNE-Changements-En-Attente").orElse(""));
        WebClient gt = connecte("gt.isere@sne.test", "GESTIONNAIRE_TERRITORIAL", null, true);
        HttpResponse<String> r = gt.submit("/pro/demandes/" + numero + "/changements-nom/" + id + "/valider", Map.of());
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("ont changé depuis cette demande de changement"), r.body());
        assertTrue(r.body().contains(nom.toUpperCase() + " Thomas"), r.body());
        assertEquals("EN_ATTENTE", statut(id));
        assertTrue(lire(numero).body().contains("\"nomNaissance\":\"" + nom.toUpperCase() + "\""));
    }

    private static String statut(long id) {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("SELECT statut FROM changement_nom WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- monitoring ----------------------------------------------------------------------------

    @Test
    void theGtsMonitoringCountsChangesPerDeskAndFlagsThoseAboveTheFactor() {
        // in a period of its own (January 2001), so that other tests' changes do not count
        List<String> numeros = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String nom = nom("Simon");
            String numero = creer("editeur-actis", nom, "Louis");
            numeros.add(numero);
            // a minor correction, then a major change
            assertEquals(200, put("editeur-actis", numero, corps(nom.toUpperCase(), "Louis", "0606060606")).statusCode());
            assertEquals(200, put("editeur-actis", numero, corps(nom("Laurent"), "Louis", "0606060606")).statusCode());
        }
        String nom = nom("Michel");
        String numero = creer("editeur-stegreve", nom, "Rose");
        numeros.add(numero);
        assertEquals(200, put("editeur-stegreve", numero, corps(nom + "e", "Rose", "0606060606")).statusCode());
        executer("UPDATE changement_nom SET demande_le = '2001-01-15 12:00:00+01' WHERE numero_unique = ANY (?)",
                (Object) numeros.toArray(String[]::new));
        // one decided each way
        WebClient gt = connecte("gt.isere@sne.test", "GESTIONNAIRE_TERRITORIAL", null, true);
        assertEquals(303, gt.submit("/pro/demandes/" + numeros.get(0) + "/changements-nom/" + enAttente(numeros.get(0)) + "/valider",
                Map.of()).statusCode());
        assertEquals(303, gt.submit("/pro/demandes/" + numeros.get(1) + "/changements-nom/" + enAttente(numeros.get(1)) + "/refuser",
                Map.of("motif", "Pas de justificatif")).statusCode());

        String periode = "du=2001-01-01&au=2001-01-31";
        HttpResponse<String> page = gt.page("/pro/surveillance-noms?" + periode);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("du 01/01/2001 au 31/01/2001"), page.body());
        HttpResponse<byte[]> csv = gt.octets("/pro/surveillance-noms/export.csv?" + periode);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("changements-nom-038-2001-01-01-2001-01-31.csv"));
        byte[] octets = csv.body();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(octets, 3), "UTF-8 BOM");
        String texte = new String(octets, 3, octets.length - 3, StandardCharsets.UTF_8);
        String[] lignes = texte.split("\r\n");
        assertEquals("Code du guichet;Guichet;Changements mineurs appliqués;En attente de validation;Validés;Refusés;Total;"
                + "Rapport à la moyenne du territoire;Au-dessus du seuil d’alerte", lignes[0]);
        // ACTIS: 3 minor applied + 3 major (1 pending, 1 validated, 1 refused); Saint-Égrève: 1 minor; 38003: none
        String actis = ligne(lignes, "38001");
        String stegreve = ligne(lignes, "38002");
        assertTrue(actis.startsWith("38001;ACTIS;3;1;1;1;6;"), actis);
        assertTrue(actis.endsWith(";oui"), actis);
        assertTrue(stegreve.startsWith("38002;Commune de Saint-Égrève;1;0;0;0;1;"), stegreve);
        assertTrue(stegreve.endsWith(";non"), stegreve);
        assertTrue(ligne(lignes, "38003").startsWith("38003;Pôle Habitat Social;0;0;0;0;0;"));
        // the average is the territory's total over its desks listed; ACTIS is above 2 × it
        int guichets = lignes.length - 1;
        String moyenne = page.body().replaceAll("(?s).*<strong id=\"moyenne\">([^<]*)</strong>.*", "$1");
        assertEquals(formate(7.0 / guichets), moyenne);
        assertTrue(page.body().contains("Un guichet au-dessus du seuil d’alerte"), page.body());
        assertTrue(Pattern.compile("<tr[^>]*data-guichet=\"38001\"[^>]*sne-alerte|<tr[^>]*sne-alerte[^>]*data-guichet=\"38001\"")
                .matcher(page.body()).find(), page.body());
        assertTrue(page.body().contains("<title id=\"graphique-titre\">Changements de nom par guichet</title>"), "the bar chart");
        assertTrue(page.body().contains("6 (alerte)"), "the flagged bar says so in words");

        // drill-down: ACTIS's changes, with the agent's side and links to each application
        HttpResponse<String> detail = gt.page("/pro/surveillance-noms/guichets/38001?" + periode);
        assertEquals(200, detail.statusCode(), detail.body());
        for (int i = 0; i < 3; i++) {
            assertTrue(detail.body().contains("/pro/demandes/" + numeros.get(i) + "\""), detail.body());
        }
        assertFalse(detail.body().contains(numeros.get(3)), "another desk's change");
        HttpResponse<byte[]> detailCsv = gt.octets("/pro/surveillance-noms/guichets/38001/export.csv?" + periode);
        String detailTexte = new String(detailCsv.body(), StandardCharsets.UTF_8);
        assertTrue(detailTexte.startsWith("\uFEFFDemandé le;Numéro unique;Personne;Nom et prénoms avant;Nom et prénoms demandés;"), detailTexte);
        assertEquals(7, detailTexte.split("\r\n").length, detailTexte);
        assertTrue(detailTexte.contains(";Refusé;") && detailTexte.contains(";Pas de justificatif"), detailTexte);
        // reads and exports audited
        assertTrue(compter("SELECT count(*) FROM audit WHERE objet_type = 'SURVEILLANCE_NOMS' AND action = 'EXPORT'"
                + " AND acteur = 'gt.isere@sne.test'") >= 2);

        // the period is checked
        assertEquals(400, gt.page("/pro/surveillance-noms?du=2001-02-01&au=2001-01-01").statusCode());
    }

    private static String ligne(String[] lignes, String code) {
        return Arrays.stream(lignes).filter(l -> l.startsWith(code + ";")).findFirst().orElseThrow(() -> new AssertionError(code));
    }

    private static String formate(double d) {
        double arrondi = Math.round(d * 10) / 10.0;
        return arrondi == Math.rint(arrondi) ? Long.toString((long) arrondi) : String.format(java.util.Locale.FRANCE, "%.1f", arrondi);
    }

    @Test
    void theMonitoringIsTheGtsOnlyAndTheHomeLinksIt() {
        WebClient gt = connecte("gt.isere@sne.test", "GESTIONNAIRE_TERRITORIAL", null, true);
        assertTrue(gt.page("/pro").body().contains("href=\"/pro/surveillance-noms\""));
        HttpResponse<String> page = gt.page("/pro/surveillance-noms");
        assertEquals(200, page.statusCode());
        // default: the last three months
        java.time.LocalDate aujourdhui = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        assertTrue(page.body().contains("value=\"" + aujourdhui.minusMonths(3) + "\""), page.body());
        assertTrue(page.body().contains("value=\"" + aujourdhui + "\""), page.body());

        WebClient manager = connecte("manager.actis@sne.test", "GUICHET_MANAGER", "38001", true);
        assertFalse(manager.page("/pro").body().contains("/pro/surveillance-noms"));
        assertEquals(403, manager.page("/pro/surveillance-noms").statusCode());
        assertEquals(403, manager.page("/pro/surveillance-noms/export.csv").statusCode());
        assertEquals(403, manager.page("/pro/surveillance-noms/guichets/38001").statusCode());
    }

    // ---- the applicant's history ---------------------------------------------------------------

    @Test
    void theApplicantsHistoryNamesTheDeskNeverTheAgent() {
        String email = "historique." + Pdfs.lettres(6).toLowerCase() + "@exemple.fr";
        MaDemandeTest.Enregistree e = MaDemandeTest.enregistree(server, email);
        String numero = e.numero();
        // an agent of ACTIS (Julie Martin) changes the wanted housing in the desk form
        WebClient agent = connecte("agent.actis@sne.test", "GUICHET_ENREGISTREUR", "38001", true);
        HttpResponse<String> r = agent.submitPairs("/pro/demandes/" + numero + "/modifier", List.of(
                Map.entry("onglet", "recherche"), Map.entry("version", "1"), Map.entry("logementRecherche.communesSouhaitees", "38185"),
                Map.entry("logementRecherche.typesLogement", "T2"), Map.entry("logementRecherche.loyerMaximum", "640"),
                Map.entry("action", "modifier")));
        assertEquals(303, r.statusCode(), r.body());
        // Saint-Égrève's software asks for a major change of the co-holder's name
        String json = lire(numero).body();
        HttpResponse<String> put = put("editeur-stegreve", numero, json.replace("\"nomNaissance\":\"" + e.cotitulaire() + "\"",
                "\"nomNaissance\":\"" + nom("Blanc") + "\""));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("1", put.headers().firstValue("SNE-Changements-En-Attente").orElse(""));
        assertTrue(put.body().contains("\"champs\":[\"cotitulaires[0].nomNaissance\"]"), put.body());

        String page = e.demandeur().page("/mes-demandes/" + numero).body();
        String historique = page.replaceAll("(?s).*(<section id=\"historique\".*?</section>).*", "$1");
        assertTrue(historique.contains("Historique des modifications"), page);
        assertTrue(historique.contains("Enregistrement de votre demande"), historique);
        assertTrue(historique.contains("Logement recherché : loyer maximum"), historique);
        assertTrue(historique.contains("Guichet ACTIS"), historique);
        assertTrue(historique.contains("Changement de nom demandé, en attente de validation"), historique);
        assertTrue(historique.contains("Conjoint ou cotitulaire : nom de naissance"), historique);
        assertTrue(historique.contains("Guichet Commune de Saint-Égrève"), historique);
        // never the agent
        assertFalse(historique.contains("Julie"), historique);
        assertFalse(historique.contains("Martin (ACTIS)"), historique);
        assertFalse(historique.contains("agent.actis"), historique);
        assertFalse(historique.contains("editeur-stegreve"), historique);
        // professionals do not get the applicant's panel, applicants not the professionals' one
        assertFalse(agent.page("/pro/demandes/" + numero).body().contains("Historique des modifications"));
        assertFalse(page.contains("id=\"changements-nom\""));
    }
}

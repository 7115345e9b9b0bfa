package fr.sne.app;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The applicant's registered application on the portal: its page, its attestations, and its
 * update (issue #4, "Update") — what they may change, what they may not, and a desk's change
 * meanwhile — through the pages as a browser uses them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaDemandeTest implements SharedServicesTest {

    private static final Pattern ID = Pattern.compile("/demande/(\\d+)/identite");
    private static final Pattern NUMERO = Pattern.compile("Enregistrée — n° (038\\d{4}\\d{6}GDPUB)");

    @Inject
    EmbeddedServer server;

    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    /** A registered application linked to its applicant's account. */
    record Enregistree(WebClient demandeur, String numero, String nom, String nir, String cotitulaire) {
    }

    static String nom(String debut) {
        StringBuilder s = new StringBuilder(debut);
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** A valid NIR for a woman born in July 1988 in Grenoble. */
    private static String nir() {
        String treize = "2880738185" + "%03d".formatted(ThreadLocalRandom.current().nextInt(1, 999));
        long cle = 97 - Long.parseLong(treize) % 97;
        return treize + "%02d".formatted(cle);
    }

    private WebClient agent(String email) {
        return agent(server, email);
    }

    private static WebClient agent(EmbeddedServer server, String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    private static Map<String, String> identite(String nom, String nir) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("demandeur.civilite", "2");
        f.put("demandeur.nomNaissance", nom);
        f.put("demandeur.nomUsage", "");
        f.put("demandeur.prenoms", "Lucia");
        f.put("demandeur.dateNaissance", "1988-07-21");
        f.put("demandeur.nationalite", "1");
        f.put("demandeur.nir", nir);
        f.put("demandeur.mel", "lucia@exemple.fr");
        f.put("demandeur.telPortable", "0612345678");
        f.put("demandeur.adresse.numero", "3");
        f.put("demandeur.adresse.voie", "rue Félix Poulat");
        f.put("demandeur.adresse.codePostal", "38000");
        f.put("demandeur.adresse.communeInsee", "38185");
        return f;
    }

    private static Map<String, String> famille(String cotitulaire) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("demandeur.situationFamiliale", "M");
        f.put("cotitulaires[0].civilite", "1");
        f.put("cotitulaires[0].nomNaissance", cotitulaire);
        f.put("cotitulaires[0].prenoms", "Paul");
        f.put("cotitulaires[0].dateNaissance", "1982-01-20");
        f.put("cotitulaires[0].nationalite", "1");
        f.put("cotitulaires[0].lienDemandeur", "M");
        return f;
    }

    private static void suivante(WebClient web, long id, String etape, Map<String, String> champs, String attendue) {
        HttpResponse<String> r = web.submit("/demande/" + id + "/" + etape, champs);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/demande/" + id + "/" + attendue, WebClient.location(r));
    }

    /** Files online (with a co-holder and a NIR), then a desk of Isère validates: the number is issued. */
    private Enregistree enregistree() {
        return enregistree(server, "maj." + nom("x") + "@exemple.fr");
    }

    /** The same for the applicant signed in with {@code email} (the browser test signs in with it too). */
    static Enregistree enregistree(EmbeddedServer server, String email) {
        WebClient web = new WebClient(server);
        String nom = nom("Garcia");
        String cotitulaire = nom("Martin");
        String nir = nir();
        web.signInAsApplicant(email, "Lucia", nom);
        HttpResponse<String> debut = web.submit("/demande", Map.of());
        Matcher m = ID.matcher(WebClient.location(debut));
        assertTrue(m.find());
        long id = Long.parseLong(m.group(1));
        suivante(web, id, "identite", identite(nom, nir), "famille");
        suivante(web, id, "famille", famille(cotitulaire), "ressources");
        suivante(web, id, "ressources", Map.of("demandeur.ressourcesRecues[0].code", "SAL",
                "demandeur.ressourcesRecues[0].montant", "1650"), "logement");
        suivante(web, id, "logement", Map.of(), "recherche");
        suivante(web, id, "recherche", Map.of("logementRecherche.communesSouhaitees[0]", "38185",
                "logementRecherche.typesLogement.T2", "true"), "handicap");
        suivante(web, id, "handicap", Map.of(), "recapitulatif");
        assertEquals(303, web.submit("/demande/" + id + "/envoi", Map.of("declaration", "oui")).statusCode());

        WebClient actis = agent(server, "agent.actis@sne.test");
        HttpResponse<String> validation = actis.submit("/pro/demandes-en-ligne/" + id + "/validation", Map.of("version", "1",
                "piece", "PRESENTEE", "nomNaissance", "oui", "prenoms", "oui", "dateNaissance", "oui"));
        assertEquals(303, validation.statusCode(), validation.body());
        Matcher numero = NUMERO.matcher(actis.page(WebClient.location(validation)).body());
        assertTrue(numero.find());
        return new Enregistree(web, numero.group(1), nom, nir, cotitulaire);
    }

    private static Connection owner() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
    }

    /** Version, MOD movements and applicant's MODIFICATION audit rows of an application. */
    private static int[] ecritures(String numero) throws SQLException {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("""
                SELECT d.version,
                       (SELECT count(*) FROM mouvement m WHERE m.numero_unique = d.numero_unique AND m.type = 'MOD'),
                       (SELECT count(*) FROM audit a WHERE a.objet_type = 'DEMANDE' AND a.objet_id = d.numero_unique
                           AND a.action = 'MODIFICATION' AND a.acteur LIKE 'demandeur%'),
                       (SELECT count(*) FROM demande_version v WHERE v.numero_unique = d.numero_unique)
                  FROM demande d WHERE d.numero_unique = ?""")) {
            ps.setString(1, numero);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)};
        }
    }

    private static String version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    @Test
    void theApplicantSeesTheirRegisteredApplicationAndDownloadsItsAttestations() {
        Enregistree e = enregistree();
        WebClient web = e.demandeur();

        // from the portal's home to the application's page
        String accueil = web.page("/").body();
        assertTrue(accueil.contains("/mes-demandes/" + e.numero()), accueil);
        HttpResponse<String> fiche = web.page("/mes-demandes/" + e.numero());
        assertEquals(200, fiche.statusCode(), fiche.body());
        assertTrue(fiche.body().contains(e.numero()));
        assertTrue(fiche.body().contains("Active"));
        assertTrue(fiche.body().contains("À renouveler avant le"));
        assertTrue(fiche.body().contains("Mettre à jour ma demande"));
        assertTrue(fiche.body().contains(e.nom()), "the content is shown");

        HttpResponse<byte[]> simplifiee = web.octets("/mes-demandes/" + e.numero() + "/attestation.pdf");
        assertEquals(200, simplifiee.statusCode());
        assertEquals("application/pdf", simplifiee.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(new String(simplifiee.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertTrue(Pdfs.texte(simplifiee.body()).replace(" ", "").contains(e.numero()), Pdfs.texte(simplifiee.body()));
        HttpResponse<byte[]> complete = web.octets("/mes-demandes/" + e.numero() + "/attestation.pdf?type=complete");
        assertEquals(200, complete.statusCode());
        assertTrue(new String(complete.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertTrue(Pdfs.texte(complete.body()).replace(" ", "").contains(e.numero()));
        assertEquals(400, web.page("/mes-demandes/" + e.numero() + "/attestation.pdf?type=autre").statusCode());

        // another applicant: not found, whatever the page
        WebClient autre = new WebClient(server);
        autre.signInAsApplicant("autre." + nom("x") + "@exemple.fr", "Nora", "Khelifi");
        assertEquals(404, autre.octets("/mes-demandes/" + e.numero() + "/attestation.pdf").statusCode());
        assertEquals(404, autre.page("/mes-demandes/" + e.numero()).statusCode());
        assertEquals(404, autre.page("/mes-demandes/" + e.numero() + "/identite").statusCode());
        Map<String, String> tentative = identite(e.nom(), e.nir());
        tentative.put("version", "1");
        tentative.put("demandeur.telPortable", "0600000000");
        assertEquals(404, autre.submit("/mes-demandes/" + e.numero() + "/identite", tentative).statusCode());
        // and a professional does not use the applicant's pages
        assertEquals(403, agent("agent.actis@sne.test").page("/mes-demandes/" + e.numero()).statusCode());
    }

    @Test
    void theApplicantUpdatesContactsResourcesAndWantedHousingAndTheDeskSeesIt() throws Exception {
        Enregistree e = enregistree();
        WebClient web = e.demandeur();
        String numero = e.numero();
        assertEquals(1, ecritures(numero)[0]);

        HttpResponse<String> page = web.page("/mes-demandes/" + numero + "/identite");
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("1", version(page.body()));
        assertTrue(page.body().contains("readonly"), "civil status and NIR are shown read-only");

        Map<String, String> contacts = identite(e.nom(), e.nir());
        contacts.put("version", "1");
        contacts.put("action", "continuer");
        contacts.put("demandeur.telPortable", "0698765432");
        contacts.put("demandeur.mel", "lucia.nouvelle@exemple.fr");
        HttpResponse<String> r = web.submit("/mes-demandes/" + numero + "/identite", contacts);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/mes-demandes/" + numero + "/famille", WebClient.location(r));

        r = web.submit("/mes-demandes/" + numero + "/ressources", Map.of("version", "2", "action", "quitter",
                "demandeur.ressourcesRecues[0].code", "SAL", "demandeur.ressourcesRecues[0].montant", "1900"));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/mes-demandes/" + numero + "?message=modifiee", WebClient.location(r));

        r = web.submit("/mes-demandes/" + numero + "/recherche", Map.of("version", "3", "action", "quitter",
                "logementRecherche.communesSouhaitees[0]", "38185", "logementRecherche.communesSouhaitees[1]", "38421",
                "logementRecherche.typesLogement.T2", "true", "logementRecherche.typesLogement.T3", "true"));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(web.page(WebClient.location(r)).body().contains("Votre demande a été mise à jour."));

        int[] ecritures = ecritures(numero);
        assertEquals(4, ecritures[0], "three saves, three versions");
        assertEquals(3, ecritures[1], "one MOD movement per save");
        assertEquals(3, ecritures[2], "one audit row per save, by the applicant");
        assertEquals(4, ecritures[3], "every version kept");

        HttpResponse<String> guichet = agent("agent.actis@sne.test").page("/pro/demandes/" + numero);
        assertEquals(200, guichet.statusCode());
        assertTrue(guichet.body().contains("lucia.nouvelle@exemple.fr"), guichet.body());
        assertTrue(guichet.body().contains("0698765432") || guichet.body().contains("06 98 76 54 32"), guichet.body());
        assertTrue(guichet.body().contains("1900") || guichet.body().contains("1 900") || guichet.body().contains("1\u202f900"), guichet.body());
        assertTrue(guichet.body().contains("38421") || guichet.body().contains("Saint-Martin-d"), guichet.body());
    }

    @Test
    void civilStatusNirAndRemovingTheCoHolderAreRefusedAndNothingIsWritten() throws Exception {
        Enregistree e = enregistree();
        WebClient web = e.demandeur();
        String numero = e.numero();

        Map<String, String> autreNom = identite(nom("Garcie"), e.nir());
        autreNom.put("version", "1");
        HttpResponse<String> r = web.submit("/mes-demandes/" + numero + "/identite", autreNom);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("L’état civil (civilité, noms, prénoms, date et lieu de naissance) ne peut plus être "
                + "modifié par le demandeur"), r.body());
        assertTrue(r.body().contains("demandeur-nomNaissance"), "the message leads to its field");

        Map<String, String> autreNir = identite(e.nom(), nir());
        autreNir.put("version", "1");
        r = web.submit("/mes-demandes/" + numero + "/identite", autreNir);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("Le numéro de sécurité sociale ne peut plus être modifié par le demandeur"), r.body());

        Map<String, String> retrait = famille(e.cotitulaire());
        retrait.put("version", "1");
        retrait.put("cotitulaires[0].retirer", "true");
        r = web.submit("/mes-demandes/" + numero + "/famille", retrait);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("Un cotitulaire ne peut pas être retiré"), r.body());
        // the co-holder's box is not even offered
        assertFalse(web.page("/mes-demandes/" + numero + "/famille").body().contains("Retirer le cotitulaire"));

        int[] ecritures = ecritures(numero);
        assertEquals(1, ecritures[0]);
        assertEquals(0, ecritures[1]);
        assertEquals(0, ecritures[2]);
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT document -> 'demandeur' ->> 'nomNaissance', jsonb_array_length(document -> 'cotitulaires') FROM demande WHERE numero_unique = ?")) {
            ps.setString(1, numero);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertEquals(e.nom(), rs.getString(1));
            assertEquals(1, rs.getInt(2));
        }
    }

    @Test
    void aStaleUpdateAfterADeskChangeShowsWhoChangedWhatAndKeepsTheApplicantsValues() throws Exception {
        Enregistree e = enregistree();
        WebClient web = e.demandeur();
        String numero = e.numero();
        assertEquals("1", version(web.page("/mes-demandes/" + numero + "/recherche").body()));

        // meanwhile, a desk agent changes the wanted housing
        WebClient actis = agent("agent.actis@sne.test");
        HttpResponse<String> guichet = actis.submitPairs("/pro/demandes/" + numero + "/modifier", List.of(Map.entry("onglet", "recherche"),
                Map.entry("version", "1"), Map.entry("logementRecherche.communesSouhaitees", "38185"),
                Map.entry("logementRecherche.typesLogement", "T2"),
                Map.entry("logementRecherche.loyerMaximum", "600"), Map.entry("action", "modifier")));
        assertEquals(303, guichet.statusCode(), guichet.body());

        HttpResponse<String> perimee = web.submit("/mes-demandes/" + numero + "/recherche", Map.of("version", "1", "action", "quitter",
                "logementRecherche.communesSouhaitees[0]", "38185", "logementRecherche.typesLogement.T2", "true",
                "logementRecherche.etageMaximum", "3"));
        assertEquals(409, perimee.statusCode(), perimee.body());
        String html = perimee.body();
        assertTrue(html.contains("Votre demande a été modifiée pendant votre saisie"), html);
        assertTrue(html.contains("Le guichet ACTIS"), "names the desk: " + html);
        assertFalse(html.contains("Julie Martin"), "never the agent: " + html);
        assertTrue(html.contains("Loyer maximum"), "names the field: " + html);
        assertTrue(html.contains("value=\"3\""), "the applicant's value stays in the form: " + html);
        assertEquals("2", version(html));
        assertEquals(2, ecritures(numero)[0], "nothing written by the stale save");

        // the desk's value is shown as it is now, the applicant's own edit on top of it
        assertTrue(html.contains("value=\"600\""), html);

        // saving again applies the applicant's value to the current version, the desk's stays
        HttpResponse<String> encore = web.submit("/mes-demandes/" + numero + "/recherche", Map.of("version", "2", "action", "quitter",
                "logementRecherche.communesSouhaitees[0]", "38185", "logementRecherche.typesLogement.T2", "true",
                "logementRecherche.loyerMaximum", "600", "logementRecherche.etageMaximum", "3"));
        assertEquals(303, encore.statusCode(), encore.body());
        assertEquals(3, ecritures(numero)[0]);
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("""
                SELECT document -> 'logementRecherche' ->> 'loyerMaximum', document -> 'logementRecherche' ->> 'etageMaximum'
                  FROM demande WHERE numero_unique = ?""")) {
            ps.setString(1, numero);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertEquals("600", rs.getString(1));
            assertEquals("3", rs.getString(2));
        }
    }

    private int ecrire(Scope scope, String sql, String numero) {
        return transactions.inScope(scope, () -> jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, numero);
            return ps.executeUpdate();
        }));
    }

    @Test
    void rowLevelSecurityLetsAnApplicantWriteTheirOwnApplicationOnly() throws Exception {
        Enregistree e = enregistree();
        long sien;
        long autre;
        try (Connection c = owner()) {
            PreparedStatement ps = c.prepareStatement("SELECT compte_demandeur FROM demande WHERE numero_unique = ?");
            ps.setString(1, e.numero());
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            sien = rs.getLong(1);
            ps = c.prepareStatement("INSERT INTO compte_demandeur (emetteur, sujet, email) VALUES ('test', ?, 'autre@exemple.fr') RETURNING id");
            ps.setString(1, UUID.randomUUID().toString());
            rs = ps.executeQuery();
            rs.next();
            autre = rs.getLong(1);
        }
        String maj = "UPDATE demande SET modifie_par = modifie_par WHERE numero_unique = ?";
        assertEquals(1, ecrire(Scope.compte(sien), maj, e.numero()));
        assertEquals(0, ecrire(Scope.compte(autre), maj, e.numero()), "another applicant's scope does not see the row");
        assertThrows(RuntimeException.class, () -> ecrire(Scope.compte(autre),
                "INSERT INTO mouvement (territoire, numero_unique, type) VALUES ('038', ?, 'MOD')", e.numero()));
        assertThrows(RuntimeException.class, () -> ecrire(Scope.compte(autre), """
                INSERT INTO demande_version (territoire, numero_unique, version, document, auteur, auteur_libelle)
                VALUES ('038', ?, 99, '{}', 'x', 'x')""", e.numero()));
        assertEquals(0, ecrire(Scope.compte(autre), "DELETE FROM demande_commune WHERE numero_unique = ?", e.numero()));
        // even in their own row, an applicant changes only the content; nobody moves the filing date
        assertThrows(RuntimeException.class, () -> ecrire(Scope.compte(sien),
                "UPDATE demande SET etat = 'RADIEE' WHERE numero_unique = ?", e.numero()));
        assertThrows(RuntimeException.class, () -> ecrire(Scope.compte(sien),
                "UPDATE demande SET date_prochain_renouvellement = date_prochain_renouvellement + 365 WHERE numero_unique = ?", e.numero()));
        assertThrows(RuntimeException.class, () -> ecrire(Scope.compte(sien),
                "UPDATE demande SET date_depot = date_depot - 30 WHERE numero_unique = ?", e.numero()));
        assertThrows(RuntimeException.class, () -> ecrire(Scope.territoire("038"),
                "UPDATE demande SET date_depot = date_depot - 30 WHERE numero_unique = ?", e.numero()));
    }
}

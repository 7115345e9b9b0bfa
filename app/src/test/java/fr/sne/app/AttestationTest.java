package fr.sne.app;

import fr.sne.core.attestation.EnvoiAttestations;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registration attestations end to end: registered through the vendors' API, downloaded as PDF/A
 * (API and pages), e-mailed with the PDF attached by the outbox job, or queued for the post and
 * printed by desks as one PDF batch.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttestationTest implements SharedServicesTest {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9A-Z]{18})\"");

    @Inject
    EmbeddedServer server;

    @Inject
    EnvoiAttestations envois;

    /** A unique person per call, so the duplicate check never gets in the way. */
    private static String corps(String nom, String mel, boolean assiste, String communes) {
        String suffixe = Pdfs.lettres(6);
        return """
                {"demandeur": {"civilite": "2", "nomNaissance": "%s", "nomUsage": null, "prenoms": "Élodie %s",
                  "dateNaissance": "1984-03-01", "nationalite": "1", "mel": %s, "telPortable": "0606060606", "assiste": %s,
                  "adresse": {"numero": "10", "voie": "rue des Alpes", "codePostal": "38120", "communeInsee": "38382"}},
                 "personnesACharge": [{"nomNaissance": "%s", "prenoms": "Lou", "dateNaissance": "2015-06-02", "sexe": "F", "lienParente": "E"}],
                 "motifs": ["01"],
                 "logementRecherche": {"typesLogement": ["T2", "T3"], "communesSouhaitees": [%s]}}"""
                .formatted(nom, suffixe, mel == null ? "null" : "\"" + mel + "\"", assiste, nom, communes);
    }

    private String enregistrer(String body) {
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/v1.0/demandes"))
                .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient("editeur-actis", 600))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = NUMERO.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private HttpResponse<byte[]> attestationApi(String client, String numero, String query) {
        WebClient web = new WebClient(server);
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            web.uri("/api/v1.0/demandes/" + numero + "/attestation" + query))
                    .header("Authorization", "Bearer " + SharedTestServices.get().oidcProvider().jetonClient(client, 600))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private WebClient signedIn(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    /** One column of the outbox row of an application (read as the owner, past RLS). */
    private static String envoi(String numero, String colonne) throws Exception {
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             PreparedStatement ps = c.prepareStatement("SELECT " + colonne + " FROM envoi_attestation WHERE numero_unique = ?")) {
            ps.setString(1, numero);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next(), "no outbox row for " + numero);
            return rs.getString(1);
        }
    }

    private static List<MimeMessage> mailsPour(String destinataire) throws Exception {
        List<MimeMessage> list = new ArrayList<>();
        for (MimeMessage m : SharedTestServices.get().mailServer().messages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(destinataire)) {
                list.add(m);
            }
        }
        return list;
    }

    /** One number read as the application role in a scope (RLS applies). */
    private static int compter(Connection c, String territoire, String sql) throws Exception {
        try (PreparedStatement scope = c.prepareStatement(
                "SELECT set_config('sne.territoire', ?, true), set_config('sne.portee', 'TERRITOIRE', true)")) {
            scope.setString(1, territoire);
            scope.execute();
        }
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theAttestationTablesAreTenantTablesTheApplicationRoleOnlyReadsInItsScope() throws Exception {
        enregistrer(corps("Cloisonnée", null, false, "\"38185\""));
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("datasources.default.url"),
                (String) p.get("datasources.default.username"), (String) p.get("datasources.default.password"))) {
            c.setAutoCommit(false);
            assertTrue(compter(c, "030", "SELECT count(*) FROM patrimoine_bailleur WHERE territoire = '030'") > 0);
            assertEquals(0, compter(c, "030", "SELECT count(*) FROM patrimoine_bailleur WHERE territoire = '038'"));
            assertEquals(1, compter(c, "030", "SELECT count(*) FROM commission_mediation"));
            assertEquals(0, compter(c, "030", "SELECT count(*) FROM envoi_attestation WHERE territoire = '038'"));
            assertTrue(compter(c, "038", "SELECT count(*) FROM envoi_attestation WHERE territoire = '038'") > 0);
            c.rollback();
            assertEquals(0, compter(c, "", "SELECT count(*) FROM envoi_attestation"), "no scope, no row");
            c.rollback();
            // reference data is maintained by migrations: the application role cannot write it
            java.sql.SQLException refus = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> compter(c, "038", "WITH x AS (UPDATE patrimoine_bailleur SET nombre_logements = 1 RETURNING 1) SELECT count(*) FROM x"));
            assertEquals("42501", refus.getSQLState(), refus.getMessage());
            c.rollback();
        }
    }

    @Test
    void bothAttestationsArePdfaWithTheNumberAndFilingDate() {
        String numero = enregistrer(corps("Attestée", "elodie.attestee@example.org", false, "\"38185\", \"38382\", \"38421\""));
        String depot = Pdfs.date(today());

        HttpResponse<byte[]> complete = attestationApi("editeur-actis", numero, "");
        assertEquals(200, complete.statusCode(), new String(complete.body()));
        assertEquals("application/pdf", complete.headers().firstValue("Content-Type").orElse(""));
        Pdfs.assertPdfA(complete.body());
        Pdfs.enregistrer(complete.body(), "attestation-complete");
        String texte = Pdfs.texte(complete.body());
        assertTrue(texte.contains(Pdfs.numeroLisible(numero)), texte);
        assertTrue(texte.contains("Demande n° " + numero), texte);
        assertTrue(texte.contains(depot), texte);
        assertTrue(texte.contains("Date de dépôt"), texte);
        assertTrue(Pdfs.titre(complete.body()).contains(numero));
        // the legal content: landlords of each wanted commune, DALO commission and delay, annexes
        for (String attendu : List.of("1. Grenoble (38185)", "2. Saint-Égrève (38382)", "3. Saint-Martin-d'Hères (38421)",
                "ACTIS", "Alpes Isère Habitat", "Société Dauphinoise", "SIREN 273800052", "11 480 logements",
                "Commission de médiation DALO de l'Isère", "24 mois", "à partir du " + Pdfs.date(today().plusMonths(24)),
                "Élodie", "ATTESTÉE", "10 rue des Alpes, 38120 SAINT-EGREVE", "Personne à charge (enfant)",
                "Composition du foyer : 2 personnes", "T2, T3", "Sans logement, hébergé ou en logement temporaire",
                "Pièce d'identité du demandeur", "Aucune pièce déposée", "Radiation")) {
            assertTrue(texte.replace('’', '\'').contains(attendu), attendu + " in " + texte);
        }
        assertTrue(Pdfs.pages(complete.body()) >= 2);

        HttpResponse<byte[]> simplifiee = attestationApi("editeur-actis", numero, "?type=simplifiee");
        assertEquals(200, simplifiee.statusCode());
        Pdfs.assertPdfA(simplifiee.body());
        Pdfs.enregistrer(simplifiee.body(), "attestation-simplifiee");
        assertEquals(1, Pdfs.pages(simplifiee.body()), "the simplified attestation holds on one page");
        String simple = Pdfs.texte(simplifiee.body());
        assertTrue(simple.contains(Pdfs.numeroLisible(numero)), simple);
        assertTrue(simple.contains(depot), simple);
        assertTrue(simple.contains("Madame Élodie"), simple);
        assertTrue(simple.contains("38120 SAINT-EGREVE"), simple);
        assertTrue(simple.contains("ACTIS"), simple);
        assertFalse(simple.contains("Alpes Isère Habitat"), "no landlords list in the simplified one");

        // another desk of the territory reads it; another territory does not know it; a wrong type is explained
        assertEquals(200, attestationApi("editeur-stegreve", numero, "?type=complete").statusCode());
        HttpResponse<byte[]> ailleurs = attestationApi("editeur-logis", numero, "");
        assertEquals(404, ailleurs.statusCode());
        assertEquals("application/problem+json", ailleurs.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> inconnu = attestationApi("editeur-actis", numero, "?type=longue");
        assertEquals(400, inconnu.statusCode());
        assertTrue(new String(inconnu.body()).contains("\"champ\":\"type\""));
        assertEquals(404, attestationApi("editeur-actis", "038010199999938001", "").statusCode());
    }

    @Test
    void professionalsGetTheAttestationWithTheApplicationsReadingRule() throws Exception {
        String numero = enregistrer(corps("Guichetière", "elodie.guichet@example.org", false, "\"38185\""));

        WebClient agent = signedIn("agent.actis@sne.test");
        HttpResponse<byte[]> simple = agent.download("/pro/demandes/" + numero + "/attestation.pdf");
        assertEquals(200, simple.statusCode());
        assertEquals("application/pdf", simple.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, Pdfs.pages(simple.body()));
        HttpResponse<byte[]> complete = agent.download("/pro/demandes/" + numero + "/attestation.pdf?type=complete");
        assertEquals(200, complete.statusCode());
        assertTrue(Pdfs.texte(complete.body()).contains("Annexe 2"));
        assertEquals(400, agent.download("/pro/demandes/" + numero + "/attestation.pdf?type=autre").statusCode());

        // any profile of the territory and the national assistance read it; the national administrator may not;
        // another territory's people do not know it exists
        assertEquals(200, signedIn("consultant@sne.test").download("/pro/demandes/" + numero + "/attestation.pdf").statusCode());
        assertEquals(200, signedIn("support@sne.test").download("/pro/demandes/" + numero + "/attestation.pdf").statusCode());
        assertEquals(403, signedIn("admin@sne.test").download("/pro/demandes/" + numero + "/attestation.pdf").statusCode());
        assertEquals(404, signedIn("agent.logis@sne.test").download("/pro/demandes/" + numero + "/attestation.pdf").statusCode());
        assertEquals(404, signedIn("gt.gard@sne.test").download("/pro/demandes/" + numero + "/attestation.pdf").statusCode());

        // each read of the nominative data is in the audit trail
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             PreparedStatement ps = c.prepareStatement("""
                     SELECT count(*) FROM audit WHERE objet_id = ? AND action = 'LECTURE' AND acteur = 'agent.actis@sne.test'""")) {
            ps.setString(1, numero);
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void theRegistrationMailsTheSimplifiedAttestationOnceAndABounceSendsItByPost() throws Exception {
        String mel = "elodie." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String numero = enregistrer(corps("Courriel", mel, false, "\"38185\""));

        envois.executer();
        envois.executer();
        List<MimeMessage> recus = mailsPour(mel);
        assertEquals(1, recus.size(), "sent once, even when the job runs again");
        MimeMessage mail = recus.getFirst();
        assertTrue(mail.getSubject().contains(Pdfs.numeroLisible(numero)), mail.getSubject());
        Multipart parties = (Multipart) mail.getContent();
        String texte = null;
        byte[] pdf = null;
        String nomPdf = null;
        for (int i = 0; i < parties.getCount(); i++) {
            BodyPart partie = parties.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(partie.getDisposition())) {
                assertTrue(partie.isMimeType("application/pdf"), partie.getContentType());
                nomPdf = partie.getFileName();
                try (InputStream in = partie.getInputStream()) {
                    pdf = in.readAllBytes();
                }
            } else {
                texte = (String) partie.getContent();
            }
        }
        assertNotNull(texte);
        assertTrue(texte.contains("Votre demande de logement social a été enregistrée par ACTIS"), texte);
        assertTrue(texte.contains("Date de dépôt : " + Pdfs.date(today())), texte);
        assertEquals("attestation-" + numero + ".pdf", nomPdf);
        assertNotNull(pdf);
        Pdfs.assertPdfA(pdf);
        String contenu = Pdfs.texte(pdf);
        assertTrue(contenu.contains(Pdfs.numeroLisible(numero)) && contenu.contains(Pdfs.date(today())), contenu);
        assertEquals("ENVOYE", envoi(numero, "etat"));
        String messageId = mail.getMessageID();
        assertEquals(messageId, envoi(numero, "message_id"));

        // a bounce reported later (delivery status notification) sends it by post
        assertFalse(envois.signalerRebond("<inconnu@example.org>", "550"));
        assertTrue(envois.signalerRebond(messageId, "550 5.1.1 Boîte aux lettres inconnue"));
        assertFalse(envois.signalerRebond(messageId, "550 5.1.1 Boîte aux lettres inconnue"), "only once");
        assertEquals("A_IMPRIMER", envoi(numero, "etat"));
        assertEquals("REBOND", envoi(numero, "raison_courrier"));
        String page = signedIn("agent.actis@sne.test").page("/pro/courriers").body();
        assertTrue(page.contains(Pdfs.numeroLisible(numero)) && page.contains("Courriel non distribué"), page);
    }

    @Test
    void noEmailOrAnAssistedApplicantGoesToThePostalQueueThatTheDeskPrintsAsOneBatch() throws Exception {
        String sansCourriel = enregistrer(corps("Postale", null, false, "\"38185\""));
        String accompagnee = enregistrer(corps("Accompagnée", "elodie.accompagnee@example.org", true, "\"38382\""));
        assertEquals("SANS_COURRIEL", envoi(sansCourriel, "raison_courrier"));
        assertEquals("ASSISTE", envoi(accompagnee, "raison_courrier"));
        envois.executer();
        assertEquals(List.of(), mailsPour("elodie.accompagnee@example.org"), "an assisted applicant gets letters only");
        assertEquals("A_IMPRIMER", envoi(accompagnee, "etat"));

        // who may see the queue: the desk's agents and the territory's manager, not consultants nor national profiles
        assertEquals(403, signedIn("consultant@sne.test").page("/pro/courriers").statusCode());
        assertEquals(403, signedIn("support@sne.test").page("/pro/courriers").statusCode());
        assertFalse(signedIn("agent.stegreve@sne.test").page("/pro/courriers").body().contains(Pdfs.numeroLisible(sansCourriel)),
                "another desk's letters are not listed");
        String gt = signedIn("gt.isere@sne.test").page("/pro/courriers").body();
        assertTrue(gt.contains(Pdfs.numeroLisible(sansCourriel)) && gt.contains("ACTIS (38001)"), gt);

        WebClient agent = signedIn("agent.actis@sne.test");
        HttpResponse<String> liste = agent.page("/pro/courriers");
        assertEquals(200, liste.statusCode());
        assertTrue(liste.body().contains("Pas d’adresse électronique"), liste.body());
        assertTrue(liste.body().contains("Demandeur accompagné"), liste.body());
        Set<String> enAttente = new LinkedHashSet<>();
        Matcher m = Pattern.compile("/pro/demandes/([0-9A-Z]{18})/attestation\\.pdf").matcher(liste.body());
        while (m.find()) {
            enAttente.add(m.group(1));
        }
        assertTrue(enAttente.contains(sansCourriel) && enAttente.contains(accompagnee), enAttente.toString());

        // a form without the CSRF token changes nothing
        assertEquals(403, agent.submit("/pro/courriers/impression", Map.of("csrfToken", "faux")).statusCode());
        HttpResponse<String> impression = agent.submit("/pro/courriers/impression", Map.of());
        assertEquals(303, impression.statusCode(), impression.body());
        String apres = WebClient.location(impression);
        Matcher lot = Pattern.compile("lot=([0-9a-f-]{36})&nombre=(\\d+)").matcher(apres);
        assertTrue(lot.find(), apres);
        assertEquals(enAttente.size(), Integer.parseInt(lot.group(2)));
        HttpResponse<String> confirmation = agent.page(apres);
        assertTrue(confirmation.body().contains("Télécharger le PDF du lot"), confirmation.body());
        for (String n : enAttente) {
            assertFalse(confirmation.body().contains("/pro/demandes/" + n + "/attestation.pdf"), "printed letters leave the list");
        }

        HttpResponse<byte[]> pdf = agent.download("/pro/courriers/lots/" + lot.group(1));
        assertEquals(200, pdf.statusCode());
        Pdfs.assertPdfA(pdf.body());
        Pdfs.enregistrer(pdf.body(), "lot-courriers");
        assertEquals(enAttente.size(), Pdfs.pages(pdf.body()), "one page per letter");
        String texte = Pdfs.texte(pdf.body());
        for (String n : enAttente) {
            assertTrue(texte.contains(Pdfs.numeroLisible(n)), n + " in the batch");
        }
        assertTrue(texte.contains("ÉLODIE") || texte.contains("Élodie"), texte);
        assertEquals("IMPRIME", envoi(sansCourriel, "etat"));
        assertEquals("agent.actis@sne.test", envoi(accompagnee, "imprime_par"));

        // printing again finds nothing; another desk cannot download this batch; the GT can
        assertTrue(WebClient.location(agent.submit("/pro/courriers/impression", Map.of())).contains("message=vide"));
        assertEquals(404, signedIn("agent.stegreve@sne.test").download("/pro/courriers/lots/" + lot.group(1)).statusCode());
        assertEquals(404, signedIn("gt.gard@sne.test").download("/pro/courriers/lots/" + lot.group(1)).statusCode());
        assertEquals(200, signedIn("gt.isere@sne.test").download("/pro/courriers/lots/" + lot.group(1)).statusCode());

        // the printing is audited with the batch's numbers
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             PreparedStatement ps = c.prepareStatement("""
                     SELECT apres::text FROM audit WHERE objet_type = 'LOT_COURRIERS' AND objet_id = ? AND action = 'MODIFICATION'
                        AND avant IS NULL AND acteur = 'agent.actis@sne.test'""")) {
            ps.setString(1, lot.group(1));
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertTrue(rs.getString(1).contains(sansCourriel) && rs.getString(1).contains(accompagnee), rs.getString(1));
        }
    }
}

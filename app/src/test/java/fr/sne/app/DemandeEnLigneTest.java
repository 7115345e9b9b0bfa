package fr.sne.app;

import fr.sne.core.attestation.EnvoiAttestations;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.devservices.SharedTestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Online filing on the public portal and its validation by a desk, through the pages as a
 * browser uses them (sign-in, CSRF-protected forms, redirects).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandeEnLigneTest implements SharedServicesTest {

    private static final Pattern ID = Pattern.compile("/demande/(\\d+)/identite");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    EmbeddedServer server;

    @Inject
    EnvoiAttestations envois;

    /** A name no other test uses: duplicates are checked across the shared database. */
    private static String nom(String debut) {
        StringBuilder s = new StringBuilder(debut);
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private WebClient demandeur() {
        WebClient web = new WebClient(server);
        web.signInAs("demandeur@sne.test");
        return web;
    }

    private WebClient agent(String email) {
        WebClient web = new WebClient(server);
        web.signInAs(email);
        return web;
    }

    private static long commencer(WebClient web) {
        HttpResponse<String> r = web.submit("/demande", Map.of());
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = ID.matcher(WebClient.location(r));
        assertTrue(m.find(), WebClient.location(r));
        return Long.parseLong(m.group(1));
    }

    private static HttpResponse<String> etape(WebClient web, long id, String etape, Map<String, String> champs) {
        return web.submit("/demande/" + id + "/" + etape, champs);
    }

    private static void suivante(WebClient web, long id, String etape, Map<String, String> champs, String attendue) {
        HttpResponse<String> r = etape(web, id, etape, champs);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/demande/" + id + "/" + attendue, WebClient.location(r));
    }

    private static Map<String, String> identite(String nom, String prenoms, String naissance) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("demandeur.civilite", "2");
        f.put("demandeur.nomNaissance", nom);
        f.put("demandeur.nomUsage", "");
        f.put("demandeur.prenoms", prenoms);
        f.put("demandeur.dateNaissance", naissance);
        f.put("demandeur.nationalite", "1");
        f.put("demandeur.mel", "demandeur@sne.test");
        f.put("demandeur.telPortable", "0612345678");
        f.put("demandeur.adresse.numero", "3");
        f.put("demandeur.adresse.voie", "rue Félix Poulat");
        f.put("demandeur.adresse.codePostal", "38000");
        f.put("demandeur.adresse.communeInsee", "Grenoble");
        return f;
    }

    /** Files a minimal application through every step and sends it; returns its id. */
    private long deposer(WebClient web, String nom, String prenoms, String naissance) {
        long id = commencer(web);
        suivante(web, id, "identite", identite(nom, prenoms, naissance), "famille");
        suivante(web, id, "famille", Map.of(), "ressources");
        suivante(web, id, "ressources", Map.of(), "logement");
        suivante(web, id, "logement", Map.of(), "recherche");
        suivante(web, id, "recherche", Map.of("logementRecherche.communesSouhaitees[0]", "38185",
                "logementRecherche.typesLogement.T2", "true"), "handicap");
        suivante(web, id, "handicap", Map.of(), "recapitulatif");
        HttpResponse<String> envoi = web.submit("/demande/" + id + "/envoi", Map.of("declaration", "oui"));
        assertEquals(303, envoi.statusCode(), envoi.body());
        return id;
    }

    private static Connection owner() throws SQLException {
        Map<String, Object> p = SharedTestServices.properties();
        return DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
    }

    @Test
    void anApplicantFilesInStepsResumesSubmitsAndADeskOfTheTerritoryValidates() throws Exception {
        String nom = nom("Lefort");
        // an applicant of their own (one active application per territory and account)
        String email = "anne." + nom.toLowerCase() + "@exemple.fr";
        WebClient web = new WebClient(server);
        web.signInAsApplicant(email, "Anne Marie", nom);

        HttpResponse<String> debut = web.page("/demande");
        assertEquals(200, debut.statusCode(), debut.body());
        assertTrue(debut.body().contains("Commencer"), debut.body());
        long id = commencer(web);

        // step 1 with mistakes: the draft is kept, French errors next to their fields and in the summary
        Map<String, String> fautes = identite("Lef0rt", "", "31/02/1980");
        fautes.remove("demandeur.civilite");
        HttpResponse<String> erreurs = etape(web, id, "identite", fautes);
        assertEquals(422, erreurs.statusCode());
        String html = erreurs.body();
        assertTrue(html.contains("id=\"resume-erreurs\""), html);
        assertTrue(html.contains("Civilité : champ obligatoire."), html);
        assertTrue(html.contains("Les prénoms : champ obligatoire."), html);
        assertTrue(html.contains("Le nom de naissance : seuls les lettres"), html);
        assertTrue(html.contains("Date invalide : indiquez-la au format JJ/MM/AAAA"), html);
        assertTrue(html.contains("id=\"demandeur-prenoms-erreur\""), html);
        assertTrue(html.contains("fr-input-group--error"), html);
        assertTrue(html.contains("aria-invalid=\"true\""), html);
        // what was typed is shown again, even the impossible date
        assertTrue(html.contains("value=\"31/02/1980\""), html);
        // only this step's anomalies while editing: the wanted communes come later
        assertFalse(html.contains("Indiquez au moins une commune souhaitée"), html);
        assertTrue(html.contains("Vos réponses sont enregistrées"), html);

        suivante(web, id, "identite", identite(nom, "Anne Marie", "1984-05-12"), "famille");

        // leave, sign in again later: the draft is on the home page and resumes at the step reached
        WebClient plusTard = new WebClient(server);
        plusTard.signInAsApplicant(email, "Anne Marie", nom);
        HttpResponse<String> accueil = plusTard.page("/");
        assertTrue(accueil.body().contains("data-demande=\"" + id + "\""), accueil.body());
        assertTrue(accueil.body().contains("Brouillon"), accueil.body());
        HttpResponse<String> reprise = plusTard.page("/demande/" + id);
        assertEquals(303, reprise.statusCode());
        assertEquals("/demande/" + id + "/famille", WebClient.location(reprise));
        HttpResponse<String> retour = plusTard.page("/demande/" + id + "/identite");
        assertTrue(retour.body().contains("value=\"" + nom + "\""), retour.body());
        assertTrue(retour.body().contains("value=\"Grenoble (38185)\""), "the commune typed by name was resolved: " + retour.body());
        // a later step cannot be opened before the earlier ones are done
        assertEquals("/demande/" + id + "/famille", WebClient.location(plusTard.page("/demande/" + id + "/handicap")));

        Map<String, String> famille = new LinkedHashMap<>();
        famille.put("demandeur.situationFamiliale", "M");
        famille.put("cotitulaires[0].civilite", "1");
        famille.put("cotitulaires[0].nomNaissance", nom("Martin"));
        famille.put("cotitulaires[0].prenoms", "Paul");
        famille.put("cotitulaires[0].dateNaissance", "1982-01-20");
        famille.put("cotitulaires[0].nationalite", "1");
        famille.put("cotitulaires[0].lienDemandeur", "M");
        famille.put("personnesACharge[0].nomNaissance", "Martin");
        famille.put("personnesACharge[0].prenoms", "Léa");
        famille.put("personnesACharge[0].dateNaissance", "12/09/2015");
        famille.put("personnesACharge[0].sexe", "F");
        famille.put("personnesACharge[0].lienParente", "E");
        famille.put("personnesACharge[1].nomNaissance", "");
        famille.put("personnesACharge[1].prenoms", "");
        famille.put("enfantsANaitre.nombre", "1");
        suivante(plusTard, id, "famille", famille, "ressources");

        Map<String, String> ressources = new LinkedHashMap<>();
        ressources.put("demandeur.situationProfessionnelle.typeContratTravail", "CDI");
        ressources.put("demandeur.situationProfessionnelle.profession", "Aide-soignante");
        ressources.put("demandeur.ressourcesRecues[0].code", "SAL");
        ressources.put("demandeur.ressourcesRecues[0].montant", "1 650");
        ressources.put("cotitulaires[0].situationProfessionnelle.typeContratTravail", "CDD");
        ressources.put("cotitulaires[0].ressourcesRecues[0].code", "SAL");
        ressources.put("cotitulaires[0].ressourcesRecues[0].montant", "1200");
        suivante(plusTard, id, "ressources", ressources, "logement");

        suivante(plusTard, id, "logement", Map.of("logementActuel.modelesLogement", "LP", "logementActuel.montantMensuelLoyer", "780",
                "motifs.09", "true", "motifs.13", "true"), "recherche");

        // a second commune in another territory: one territory per online application
        HttpResponse<String> deuxTerritoires = etape(plusTard, id, "recherche", Map.of(
                "logementRecherche.communesSouhaitees[0]", "Grenoble", "logementRecherche.communesSouhaitees[1]", "30189"));
        assertEquals(422, deuxTerritoires.statusCode());
        assertTrue(deuxTerritoires.body().contains("ne se trouve pas dans le même territoire que la première commune souhaitée (Isère)"),
                deuxTerritoires.body());
        assertTrue(deuxTerritoires.body().contains("id=\"logementRecherche-communesSouhaitees-1-erreur\""), deuxTerritoires.body());
        suivante(plusTard, id, "recherche", Map.of("logementRecherche.communesSouhaitees[0]", "Grenoble (38185)",
                "logementRecherche.communesSouhaitees[1]", "Saint-Égrève", "logementRecherche.communesSouhaitees[2]", "",
                "logementRecherche.typesLogement.T3", "true", "logementRecherche.typesLogement.T4", "true",
                "logementRecherche.ascenseurIndispensable", "true", "logementRecherche.etageMaximum", "3"), "handicap");
        suivante(plusTard, id, "handicap", Map.of(), "recapitulatif");

        HttpResponse<String> recap = plusTard.page("/demande/" + id + "/recapitulatif");
        assertEquals(200, recap.statusCode());
        assertTrue(recap.body().contains("Saint-Égrève (38382)"), recap.body());
        assertTrue(recap.body().contains("Logement trop cher"), recap.body());
        assertTrue(recap.body().contains("Salaire ou revenu d&#39;activité") || recap.body().contains("Salaire ou revenu d'activité"), recap.body());

        HttpResponse<String> sansDeclaration = plusTard.submit("/demande/" + id + "/envoi", Map.of());
        assertEquals(422, sansDeclaration.statusCode());
        assertTrue(sansDeclaration.body().contains("Cochez la déclaration sur l’honneur"), sansDeclaration.body());

        HttpResponse<String> envoi = plusTard.submit("/demande/" + id + "/envoi", Map.of("declaration", "oui"));
        assertEquals(303, envoi.statusCode(), envoi.body());
        assertEquals("/demande/" + id + "?message=envoyee", WebClient.location(envoi));
        assertTrue(plusTard.page("/demande/" + id).body().contains("En attente de validation"));
        assertTrue(plusTard.page("/").body().contains("En attente de validation"));

        // the desk takes its time: the submission is dated two months back (a deliberate tamper, owner-side)
        LocalDate soumission = LocalDate.now(PARIS).minusMonths(2);
        try (Connection c = owner(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE demande_en_ligne DISABLE TRIGGER demande_en_ligne_immuable");
            s.executeUpdate("UPDATE demande_en_ligne SET date_depot = DATE '" + soumission + "', soumise_le = soumise_le - interval '2 months' WHERE id = " + id);
            s.execute("ALTER TABLE demande_en_ligne ENABLE TRIGGER demande_en_ligne_immuable");
            c.commit();
        }

        // another territory's desk does not know it exists
        WebClient gard = agent("agent.logis@sne.test");
        assertFalse(gard.page("/pro/demandes-en-ligne").body().contains("data-demande=\"" + id + "\""));
        assertEquals(404, gard.page("/pro/demandes-en-ligne/" + id).statusCode());
        assertEquals(404, gard.submit("/pro/demandes-en-ligne/" + id + "/validation", Map.of("version", "1", "piece", "PRESENTEE",
                "nomNaissance", "oui", "prenoms", "oui", "dateNaissance", "oui")).statusCode());

        // the territorial manager and national support follow the queue but do not validate
        WebClient gt = agent("gt.isere@sne.test");
        assertTrue(gt.page("/pro/demandes-en-ligne").body().contains("data-demande=\"" + id + "\""));
        HttpResponse<String> vueGt = gt.page("/pro/demandes-en-ligne/" + id);
        assertEquals(200, vueGt.statusCode());
        assertFalse(vueGt.body().contains("Valider et enregistrer la demande"), vueGt.body());
        assertEquals(403, gt.submit("/pro/demandes-en-ligne/" + id + "/validation", Map.of("version", "1", "piece", "PRESENTEE",
                "nomNaissance", "oui", "prenoms", "oui", "dateNaissance", "oui")).statusCode());
        WebClient support = agent("support@sne.test");
        assertTrue(support.page("/pro/demandes-en-ligne").body().contains("data-demande=\"" + id + "\""));
        assertEquals(403, support.submit("/pro/demandes-en-ligne/" + id + "/refus", Map.of("version", "1", "motif", "non")).statusCode());

        WebClient actis = agent("agent.actis@sne.test");
        assertTrue(actis.page("/pro/demandes-en-ligne").body().contains("data-demande=\"" + id + "\""));
        HttpResponse<String> fiche = actis.page("/pro/demandes-en-ligne/" + id);
        assertEquals(200, fiche.statusCode(), fiche.body());
        assertTrue(fiche.body().contains(nom), fiche.body());
        assertTrue(fiche.body().contains("Aucune demande active du territoire n’a les mêmes"), fiche.body());

        // the identity check is required, item by item
        HttpResponse<String> incomplete = actis.submit("/pro/demandes-en-ligne/" + id + "/validation",
                Map.of("version", "1", "piece", "PRESENTEE", "nomNaissance", "oui"));
        assertEquals(422, incomplete.statusCode());
        assertTrue(incomplete.body().contains("Vérifiez les prénoms sur la pièce d’identité"), incomplete.body());
        assertTrue(incomplete.body().contains("Vérifiez la date de naissance sur la pièce d’identité"), incomplete.body());

        HttpResponse<String> validation = actis.submit("/pro/demandes-en-ligne/" + id + "/validation", Map.of("version", "1",
                "piece", "PRESENTEE", "nomNaissance", "oui", "prenoms", "oui", "dateNaissance", "oui"));
        assertEquals(303, validation.statusCode(), validation.body());
        HttpResponse<String> validee = actis.page(WebClient.location(validation));
        Matcher numero = Pattern.compile("Enregistrée — n° (038\\d{4}\\d{6}GDPUB)").matcher(validee.body());
        assertTrue(numero.find(), validee.body());
        String nud = numero.group(1);
        // the number's month and the filing date are the submission's, not the validation's
        assertEquals("038" + soumission.format(DateTimeFormatter.ofPattern("MMyy")), nud.substring(0, 7));

        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("""
                SELECT d.date_depot, d.guichet_enregistreur, d.compte_demandeur = e.compte_demandeur, d.etat,
                       (SELECT count(*) FROM mouvement m WHERE m.numero_unique = d.numero_unique AND m.type = 'CRE'),
                       (SELECT count(*) FROM audit a WHERE a.objet_type = 'DEMANDE_EN_LIGNE' AND a.objet_id = ?
                           AND a.action = 'LECTURE' AND a.acteur = 'agent.actis@sne.test'),
                       (SELECT count(*) FROM audit a WHERE a.objet_type = 'DEMANDE_EN_LIGNE' AND a.objet_id = ?
                           AND a.action = 'MODIFICATION' AND a.apres ->> 'statut' = 'VALIDEE' AND a.apres ->> 'numeroUnique' = d.numero_unique),
                       (SELECT count(*) FROM audit a WHERE a.objet_type = 'DEMANDE' AND a.objet_id = d.numero_unique AND a.action = 'CREATION'),
                       e.verification ->> 'piece', d.document -> 'demandeur' ->> 'nomNaissance', jsonb_array_length(d.document -> 'cotitulaires')
                  FROM demande d JOIN demande_en_ligne e ON e.numero_unique = d.numero_unique WHERE e.id = ?""")) {
            ps.setString(1, String.valueOf(id));
            ps.setString(2, String.valueOf(id));
            ps.setLong(3, id);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertEquals(soumission, rs.getDate(1).toLocalDate());
            assertEquals("GDPUB", rs.getString(2));
            assertTrue(rs.getBoolean(3), "the registered application is linked to the applicant's account");
            assertEquals("ACTIVE", rs.getString(4));
            assertEquals(1, rs.getInt(5));
            assertTrue(rs.getInt(6) >= 1, "opening it is an audited read");
            assertEquals(1, rs.getInt(7));
            assertEquals(1, rs.getInt(8));
            assertEquals("PRESENTEE", rs.getString(9));
            assertEquals(nom, rs.getString(10));
            assertEquals(1, rs.getInt(11));
        }

        // one attestation planned with the validation (by e-mail; letters would go to the validating desk), then sent
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT motif, guichet, destinataire, etat FROM envoi_attestation WHERE numero_unique = ?")) {
            ps.setString(1, nud);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next(), "an attestation is planned");
            assertEquals("VALIDATION", rs.getString(1));
            assertEquals("38001", rs.getString(2));
            assertEquals("demandeur@sne.test", rs.getString(3));
            assertFalse(rs.next(), "only one attestation");
        }
        envois.executer();
        // the background scheduler may have claimed the row first: wait for whichever run holds it
        assertEquals("ENVOYE", etatAttestationApresEnvoi(nud));

        // the applicant sees the number, and the application no longer changes online
        assertTrue(plusTard.page("/").body().contains("Enregistrée — n° " + nud));
        assertTrue(plusTard.page("/demande/" + id).body().contains(nud));
        assertEquals(409, plusTard.page("/demande/" + id + "/identite").statusCode());
        // the desk's queue no longer holds it; validating twice is refused
        assertFalse(actis.page("/pro/demandes-en-ligne").body().contains("data-demande=\"" + id + "\""));
        assertEquals(409, actis.submit("/pro/demandes-en-ligne/" + id + "/validation", Map.of("version", "1",
                "piece", "PRESENTEE", "nomNaissance", "oui", "prenoms", "oui", "dateNaissance", "oui")).statusCode());
    }

    @Test
    void aDeskRefusesWithAReasonTheApplicantReads() {
        WebClient web = new WebClient(server);
        String email = "refus." + nom("x") + "@exemple.fr";
        web.signInAsApplicant(email, "Samia", "Benkacem");
        long id = deposer(web, nom("Benkacem"), "Samia", "1991-11-03");

        WebClient actis = agent("agent.actis@sne.test");
        HttpResponse<String> sansMotif = actis.submit("/pro/demandes-en-ligne/" + id + "/refus", Map.of("version", "1", "motif", " "));
        assertEquals(422, sansMotif.statusCode());
        assertTrue(sansMotif.body().contains("Indiquez le motif du refus"), sansMotif.body());

        HttpResponse<String> refus = actis.submit("/pro/demandes-en-ligne/" + id + "/refus", Map.of("version", "1",
                "motif", "La date de naissance ne correspond pas à la pièce d’identité présentée."));
        assertEquals(303, refus.statusCode(), refus.body());

        String accueil = web.page("/").body();
        assertTrue(accueil.contains("Refusée : La date de naissance ne correspond pas à la pièce d’identité présentée."), accueil);
        assertEquals(409, actis.submit("/pro/demandes-en-ligne/" + id + "/validation", Map.of()).statusCode());
        assertEquals(409, actis.submit("/pro/demandes-en-ligne/" + id + "/refus", Map.of("version", "1", "motif", "encore")).statusCode());
    }

    @Test
    void onlyCommunesOfAnOpenTerritoryManagedInTheNationalAppAreAccepted() {
        WebClient web = new WebClient(server);
        web.signInAsApplicant("communes." + nom("x") + "@exemple.fr", "Yann", "Le Gall");
        long id = commencer(web);
        // Ille-et-Vilaine runs its own shared file (SPTA)
        HttpResponse<String> spta = etape(web, id, "recherche", Map.of("logementRecherche.communesSouhaitees[0]", "Rennes"));
        assertEquals(422, spta.statusCode());
        assertTrue(spta.body().contains("les demandes sont enregistrées par le fichier partagé du département"), spta.body());
        // the Rhône is not a territory of this register yet
        HttpResponse<String> fermee = etape(web, id, "recherche", Map.of("logementRecherche.communesSouhaitees[0]", "69123"));
        assertEquals(422, fermee.statusCode());
        assertTrue(fermee.body().contains("Le dépôt en ligne n’est pas encore ouvert pour Lyon"), fermee.body());
        // an unknown name is questioned, what was typed stays in the field
        HttpResponse<String> inconnue = etape(web, id, "recherche", Map.of("logementRecherche.communesSouhaitees[0]", "Grenoblz"));
        assertEquals(422, inconnue.statusCode());
        assertTrue(inconnue.body().contains("Aucune commune ne s’appelle « Grenoblz »"), inconnue.body());
        assertTrue(inconnue.body().contains("value=\"Grenoblz\""), inconnue.body());
    }

    @Test
    void peopleAreAddedRowByRowAndRemovedWithTheirBox() {
        WebClient web = new WebClient(server);
        web.signInAsApplicant("famille." + nom("x") + "@exemple.fr", "Inès", "Moreau");
        long id = commencer(web);
        suivante(web, id, "identite", identite(nom("Moreau"), "Inès", "1979-10-02"), "famille");
        suivante(web, id, "famille", Map.of("personnesACharge[0].nomNaissance", "Moreau", "personnesACharge[0].prenoms", "Lina",
                "personnesACharge[0].dateNaissance", "2012-03-04", "personnesACharge[0].sexe", "F"), "ressources");
        // a second person in the empty frame the page now offers
        String page = web.page("/demande/" + id + "/famille").body();
        assertTrue(page.contains("name=\"personnesACharge[1].prenoms\""), page);
        suivante(web, id, "famille", Map.of("personnesACharge[0].nomNaissance", "Moreau", "personnesACharge[0].prenoms", "Lina",
                "personnesACharge[0].dateNaissance", "2012-03-04", "personnesACharge[0].sexe", "F",
                "personnesACharge[1].nomNaissance", "Moreau", "personnesACharge[1].prenoms", "Noé",
                "personnesACharge[1].dateNaissance", "2014-06-07", "personnesACharge[1].sexe", "M"), "ressources");
        // the first one leaves (her sex stays ticked: radio buttons cannot be cleared)
        suivante(web, id, "famille", Map.of("personnesACharge[0].nomNaissance", "Moreau", "personnesACharge[0].prenoms", "Lina",
                "personnesACharge[0].sexe", "F", "personnesACharge[0].retirer", "true",
                "personnesACharge[1].nomNaissance", "Moreau", "personnesACharge[1].prenoms", "Noé",
                "personnesACharge[1].dateNaissance", "2014-06-07", "personnesACharge[1].sexe", "M"), "ressources");
        String recap = web.page("/demande/" + id + "/recapitulatif").body();
        assertTrue(recap.contains("Prénoms : Noé"), recap);
        assertFalse(recap.contains("Lina"), recap);
        assertFalse(recap.contains("Personne à charge 2"), recap);
    }

    @Test
    void anApplicantSeesOnlyTheirOwnApplications() {
        WebClient jean = demandeur();
        long id = commencer(jean);
        suivante(jean, id, "identite", identite(nom("Dupont"), "Jean", "1970-01-01"), "famille");

        WebClient autre = new WebClient(server);
        autre.signInAsApplicant("autre." + nom("x") + "@exemple.fr", "Nora", "Khelifi");
        assertEquals(404, autre.page("/demande/" + id).statusCode());
        assertEquals(404, autre.page("/demande/" + id + "/identite").statusCode());
        assertEquals(404, autre.page("/demande/" + id + "/recapitulatif").statusCode());
        assertEquals(404, etape(autre, id, "identite", identite("Khelifi", "Nora", "1990-01-01")).statusCode());
        assertEquals(404, autre.submit("/demande/" + id + "/envoi", Map.of("declaration", "oui")).statusCode());
        assertFalse(autre.page("/").body().contains("data-demande=\"" + id + "\""));
        // the draft is untouched
        assertTrue(jean.page("/demande/" + id + "/identite").body().contains("value=\"Jean\""));

        // professionals do not file on the portal
        WebClient actis = agent("agent.actis@sne.test");
        assertEquals(403, actis.page("/demande").statusCode());
        assertEquals(403, actis.page("/demande/" + id + "/identite").statusCode());
        // and applicants do not reach the desks' pages
        assertEquals(403, jean.page("/pro/demandes-en-ligne").statusCode());
    }

    @Test
    void whileItWaitsTheApplicantCorrectsAllButCivilStatusAndTheDeskMustLookAgain() throws Exception {
        WebClient web = new WebClient(server);
        String nom = nom("Garcia");
        web.signInAsApplicant("correction." + nom("x") + "@exemple.fr", "Lucia", "Garcia");
        long id = deposer(web, nom, "Lucia", "1988-07-21");

        // the desk opens it (version 1)
        WebClient actis = agent("agent.actis@sne.test");
        assertEquals(200, actis.page("/pro/demandes-en-ligne/" + id).statusCode());

        // civil status is locked: nothing is written
        Map<String, String> autreNom = identite(nom("Garcie"), "Lucia", "1988-07-21");
        HttpResponse<String> refusee = etape(web, id, "identite", autreNom);
        assertEquals(422, refusee.statusCode());
        assertTrue(refusee.body().contains("ne peut plus être modifié par le demandeur"), refusee.body());
        assertTrue(refusee.body().contains("readonly"), "locked fields are shown read-only: " + refusee.body());

        // a new phone number is fine
        Map<String, String> telephone = identite(nom, "Lucia", "1988-07-21");
        telephone.put("demandeur.telPortable", "0698765432");
        suivante(web, id, "identite", telephone, "famille");

        // the desk validates what it saw: the application changed meanwhile
        HttpResponse<String> perimee = actis.submit("/pro/demandes-en-ligne/" + id + "/validation", Map.of("version", "1",
                "piece", "DEPOSEE", "nomNaissance", "oui", "prenoms", "oui", "dateNaissance", "oui"));
        assertEquals(409, perimee.statusCode());
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
                "SELECT statut, version, document -> 'demandeur' ->> 'telPortable', document -> 'demandeur' ->> 'nomNaissance' FROM demande_en_ligne WHERE id = ?")) {
            ps.setLong(1, id);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertEquals("SOUMISE", rs.getString(1));
            assertEquals(2, rs.getInt(2));
            assertEquals("0698765432", rs.getString(3));
            assertEquals(nom, rs.getString(4));
        }
        HttpResponse<String> validation = actis.submit("/pro/demandes-en-ligne/" + id + "/validation", Map.of("version", "2",
                "piece", "DEPOSEE", "nomNaissance", "oui", "prenoms", "oui", "dateNaissance", "oui"));
        assertEquals(303, validation.statusCode(), validation.body());
    }

    /** The attestation's state once no run holds it any more (EN_COURS is a claim in progress). */
    private String etatAttestationApresEnvoi(String nud) throws Exception {
        long limite = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = owner(); PreparedStatement ps = c.prepareStatement(
                    "SELECT etat FROM envoi_attestation WHERE numero_unique = ?")) {
                ps.setString(1, nud);
                ResultSet rs = ps.executeQuery();
                assertTrue(rs.next());
                String etat = rs.getString(1);
                if (!"EN_COURS".equals(etat) || System.nanoTime() > limite) {
                    return etat;
                }
            }
            Thread.sleep(100);
        }
    }
}

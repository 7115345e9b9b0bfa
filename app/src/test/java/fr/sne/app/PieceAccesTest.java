package fr.sne.app;

import fr.sne.core.piece.ActionHistorique;
import fr.sne.core.piece.AnalysePieces;
import fr.sne.core.piece.Depot;
import fr.sne.core.piece.PieceListee;
import fr.sne.core.piece.PieceService;
import fr.sne.core.piece.Qualification;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Refus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.sne.app.FabriqueDemandes.nombre;
import static fr.sne.app.FabriqueDemandes.sql;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who sees and opens which document, over HTTP with the demo personas (the pages' download
 * routes and the applicant's), and the lists each profile gets: the policy's matrix in action.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PieceAccesTest implements SharedServicesTest {

    private static final String ACTIS = "editeur-actis";
    private static final String NIR = "1 84 12 76 451 089 46";

    @Inject
    EmbeddedServer server;
    @Inject
    PieceService service;
    @Inject
    AnalysePieces analyses;
    @Inject
    TenantTransactions transactions;
    @Inject
    JdbcOperations jdbc;

    private String numero;
    private long compte;
    private long nonSensible;
    private long sensible;
    private long avecNir;
    private byte[] octetsNonSensible;
    private String cde;
    private String emailDemandeur;

    @BeforeAll
    void documents() throws Exception {
        PiecesFixture api = new PiecesFixture(server);
        numero = new FabriqueDemandes(server).creer(ACTIS, FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Acces"), "Lea", "1984-05-05"));
        octetsNonSensible = PiecesFixture.pdf("Avis d'impôt 2025 sur les revenus 2024", "Réf. " + UUID.randomUUID());
        nonSensible = PiecesFixture.id(api.deposer(ACTIS, numero, "avis.pdf", "application/pdf", octetsNonSensible, "AVIS_IMPOSITION"));
        sensible = PiecesFixture.id(api.deposer(ACTIS, numero, "certificat.pdf", "application/pdf",
                PiecesFixture.pdfUnique("Certificat médical"), "CERTIFICAT_MEDICAL"));
        avecNir = PiecesFixture.id(api.deposer(ACTIS, numero, "bulletin.pdf", "application/pdf", PiecesFixture.pdf("BULLETIN DE PAIE",
                "N° de sécurité sociale : " + NIR, "Net à payer : 1 834,12 €", "Réf. " + UUID.randomUUID()), "BULLETIN_SALAIRE"));
        Instant limite = Instant.now().plus(Duration.ofSeconds(90));
        while (nombre("SELECT count(*) FROM piece_justificative WHERE numero_unique = ? AND analyse_statut <> 'TERMINEE'", numero) > 0
                && Instant.now().isBefore(limite)) {
            analyses.executer(Instant.now());
            Thread.sleep(200);
        }
        assertEquals(1, nombre("SELECT count(*) FROM piece_justificative WHERE id = ? AND nir_detecte AND cle_masquee IS NOT NULL", avecNir));

        // the applicant: a portal account linked to the application
        emailDemandeur = "pj." + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        new WebClient(server).signInAsApplicant(emailDemandeur, "Léa", "Acces");
        compte = nombre("SELECT id FROM compte_demandeur WHERE email = ?", emailDemandeur);
        sql("UPDATE demande SET compte_demandeur = ? WHERE numero_unique = ?", compte, numero);

        // no demo persona holds the "consultant demande" profile
        cde = "cde." + UUID.randomUUID().toString().substring(0, 8) + "@sne.test";
        sql("INSERT INTO utilisateur (email, prenom, nom) VALUES (?, 'Camille', 'Demande')", cde);
        sql("""
                INSERT INTO habilitation (utilisateur_id, profil, guichet, territoire, certifiee_le)
                SELECT id, 'CONSULTANT_DEMANDE', '38002', '038', now() FROM utilisateur WHERE email = ?""", cde);
    }

    /** Signs in and, when other tests gave the persona more habilitations, chooses the demo one ({@code profil}). */
    private WebClient connecte(String email, String profil) {
        WebClient web = new WebClient(server);
        if (email.equals(cde)) {
            web.signInAsProfessional(email, "Camille", "Demande");
        } else {
            web.signInAs(email);
        }
        long habilitations = nombre("""
                SELECT count(*) FROM habilitation h JOIN utilisateur u ON u.id = h.utilisateur_id WHERE lower(u.email) = ?""", email);
        if (habilitations > 1) {
            long id = nombre("""
                    SELECT min(h.id) FROM habilitation h JOIN utilisateur u ON u.id = h.utilisateur_id
                     WHERE lower(u.email) = ? AND h.profil = ?""", email, profil);
            HttpResponse<String> choix = web.submit("/pro/habilitation", Map.of("habilitation", Long.toString(id)));
            assertEquals(303, choix.statusCode(), choix.body());
        }
        return web;
    }

    /** "200 ORIGINAL", "200 MASQUEE", "403", "404"... for each of the three documents. */
    private String ouvertures(WebClient web, String base) {
        List<String> r = new ArrayList<>();
        for (long id : List.of(nonSensible, sensible, avecNir)) {
            HttpResponse<byte[]> f = web.download(base + numero + "/pieces/" + id + "/fichier");
            r.add(f.statusCode() + (f.statusCode() == 200 ? " " + f.headers().firstValue("SNE-Version-Piece").orElse("?") : ""));
        }
        return String.join(" | ", r);
    }

    @Test
    void eachProfileOpensExactlyWhatItMayOverHttp() {
        Map<String, String> attendu = new LinkedHashMap<>();
        Map<String, String> profils = new LinkedHashMap<>();
        // non-sensitive | sensitive | NIR found (masked)
        attendu.put("agent.actis@sne.test", "200 ORIGINAL | 200 ORIGINAL | 200 ORIGINAL");
        profils.put("agent.actis@sne.test", "GUICHET_ENREGISTREUR");
        attendu.put("manager.actis@sne.test", "200 ORIGINAL | 200 ORIGINAL | 200 ORIGINAL");
        profils.put("manager.actis@sne.test", "GUICHET_MANAGER");
        attendu.put("consultant@sne.test", "403 | 404 | 403");
        profils.put("consultant@sne.test", "CONSULTANT_SIMPLE");
        attendu.put(cde, "200 ORIGINAL | 404 | 200 MASQUEE");
        profils.put(cde, "CONSULTANT_DEMANDE");
        attendu.put("sensible@sne.test", "200 ORIGINAL | 200 ORIGINAL | 200 ORIGINAL");
        profils.put("sensible@sne.test", "CONSULTANT_SENSIBLE");
        attendu.put("gt.isere@sne.test", "200 ORIGINAL | 404 | 200 MASQUEE");
        profils.put("gt.isere@sne.test", "GESTIONNAIRE_TERRITORIAL");
        attendu.put("support@sne.test", "200 ORIGINAL | 404 | 200 MASQUEE");
        profils.put("support@sne.test", "ASSISTANCE_NATIONALE");
        attendu.put("admin@sne.test", "403 | 404 | 403");
        profils.put("admin@sne.test", "ADMINISTRATEUR_NATIONAL");
        attendu.put("agent.logis@sne.test", "404 | 404 | 404");
        profils.put("agent.logis@sne.test", "GUICHET_ENREGISTREUR");
        Map<String, String> obtenu = new LinkedHashMap<>();
        for (String persona : attendu.keySet()) {
            obtenu.put(persona, ouvertures(connecte(persona, profils.get(persona)), "/pro/demandes/"));
        }
        assertEquals(attendu, obtenu);

        WebClient demandeur = new WebClient(server);
        demandeur.signInAsApplicant(emailDemandeur, "Léa", "Acces");
        assertEquals("200 ORIGINAL | 200 ORIGINAL | 200 ORIGINAL", ouvertures(demandeur, "/mes-demandes/"));
        HttpResponse<byte[]> original = demandeur.download("/mes-demandes/" + numero + "/pieces/" + nonSensible + "/fichier");
        assertArrayEquals(octetsNonSensible, original.body());
        assertTrue(original.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));
        WebClient autre = new WebClient(server);
        autre.signInAsApplicant("autre." + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr", "Paul", "Autre");
        assertEquals("404 | 404 | 404", ouvertures(autre, "/mes-demandes/"));

        // every opening is audited and written to the document's history
        assertTrue(nombre("SELECT count(*) FROM piece_action WHERE piece_id = ? AND action = 'CONSULTEE'", nonSensible) >= 7);
        assertEquals(2, nombre("SELECT count(*) FROM piece_action WHERE piece_id = ? AND action = 'CONSULTEE' AND acteur = ?",
                nonSensible, "demandeur:" + compte), "the applicant opened it twice");
        assertTrue(nombre("""
                SELECT count(*) FROM audit WHERE objet_type = 'PIECE' AND objet_id = ? AND action = 'LECTURE'
                   AND acteur = 'support@sne.test'""", Long.toString(avecNir)) >= 1);
    }

    private static Actor.Professionnel pro(Profil profil, String guichet, String territoire) {
        return new Actor.Professionnel(9_000_000L + profil.ordinal(), profil.name().toLowerCase() + "@sne.test", "T", "T",
                List.of(new Habilitation(9_000_000L + profil.ordinal(), profil, guichet, guichet == null ? null : "Guichet " + guichet,
                        territoire, territoire == null ? null : "Isère")), null);
    }

    private Set<Long> liste(Actor actor) {
        // the three documents of the set-up (another test adds the applicant's own)
        return service.lister(actor, numero).stream().map(l -> l.piece().id())
                .filter(id -> id == nonSensible || id == sensible || id == avecNir).collect(Collectors.toSet());
    }

    @Test
    void eachProfileListsWhatItMay() {
        Set<Long> tout = Set.of(nonSensible, sensible, avecNir);
        Set<Long> sansSensible = Set.of(nonSensible, avecNir);
        assertEquals(tout, liste(pro(Profil.GUICHET_ENREGISTREUR, "38001", "038")));
        assertEquals(tout, liste(pro(Profil.CONSULTANT_SENSIBLE, "38003", "038")));
        assertEquals(sansSensible, liste(pro(Profil.CONSULTANT_SIMPLE, "38002", "038")), "the consultant simple lists non-sensitive ones");
        assertEquals(sansSensible, liste(pro(Profil.CONSULTANT_DEMANDE, "38002", "038")));
        assertEquals(sansSensible, liste(pro(Profil.GESTIONNAIRE_TERRITORIAL, null, "038")));
        assertEquals(sansSensible, liste(pro(Profil.ASSISTANCE_NATIONALE, null, null)));
        Refus admin = assertThrows(Refus.class, () -> liste(pro(Profil.ADMINISTRATEUR_NATIONAL, null, null)));
        assertEquals(HttpStatus.FORBIDDEN, admin.getStatus());
        Refus ailleurs = assertThrows(Refus.class, () -> liste(pro(Profil.GUICHET_ENREGISTREUR, "30001", "030")));
        assertEquals(HttpStatus.NOT_FOUND, ailleurs.getStatus());

        Actor.Particulier demandeur = new Actor.Particulier(compte, emailDemandeur, "Léa", "Acces");
        List<PieceListee> siennes = service.lister(demandeur, numero);
        assertTrue(siennes.stream().map(l -> l.piece().id()).collect(Collectors.toSet()).containsAll(tout));
        assertTrue(siennes.stream().allMatch(l -> l.piece().indicePertinence() == null && l.piece().commentaire() == null),
                "the desks' assessment is theirs");
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(Refus.class,
                () -> service.lister(new Actor.Particulier(compte + 100_000, "x@exemple.fr", "X", "X"), numero)).getStatus());
        // the consultant simple's list tells why the document cannot be opened
        PieceListee vue = service.lister(pro(Profil.CONSULTANT_SIMPLE, "38002", "038"), numero).stream()
                .filter(l -> l.piece().id() == nonSensible).findFirst().orElseThrow();
        assertNull(vue.ouverture());
        assertTrue(vue.refus().contains("profil"), vue.refus());
    }

    @Test
    void theApplicantDepositsOnTheirOwnApplicationButNeitherQualifiesNorDeletes() {
        Actor.Particulier demandeur = new Actor.Particulier(compte, emailDemandeur, "Léa", "Acces");
        byte[] octets = PiecesFixture.pdfUnique("Quittance de loyer");
        PieceService.Depose d = service.deposer(demandeur, numero, new Depot(new ByteArrayInputStream(octets), "quittance.pdf",
                TypePiece.QUITTANCE_LOYER, null, null));
        long id = d.piece().piece().id();
        assertEquals("DEMANDEUR", d.piece().piece().deposant().name());
        assertEquals(1, nombre("SELECT count(*) FROM piece_action WHERE piece_id = ? AND action = 'DEPOSEE' AND acteur = ?", id,
                "demandeur:" + compte));
        assertEquals(1, nombre("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'PJAJOU' AND auteur = ?", numero,
                "demandeur:" + compte));
        Qualification q = new Qualification(TypePiece.QUITTANCE_LOYER, null, null, IndicePertinence.REGLEMENTAIRE, null, List.of());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(Refus.class, () -> service.requalifier(demandeur, numero, id, 1, q)).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(Refus.class, () -> service.supprimer(demandeur, numero, id)).getStatus());
        Actor.Particulier autre = new Actor.Particulier(compte + 100_000, "x@exemple.fr", "X", "X");
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(Refus.class, () -> service.deposer(autre, numero,
                new Depot(new ByteArrayInputStream(PiecesFixture.pdfUnique("X")), "x.pdf", null, null, null))).getStatus());

        // the applicant's history names desks, never agents
        List<ActionHistorique> historique = service.historique(demandeur, numero, null);
        assertTrue(historique.stream().anyMatch(a -> a.pieceId() == id && a.qui().equals("Vous")), historique.toString());
        assertTrue(historique.stream().anyMatch(a -> a.pieceId() == nonSensible && a.qui().equals("Guichet 38001")), historique.toString());
        assertTrue(historique.stream().noneMatch(a -> a.qui().contains("@")), historique.toString());
    }

    private int compter(Scope scope) {
        return transactions.inScope(scope, () -> jdbc.prepareStatement(
                "SELECT count(*) FROM piece_justificative WHERE numero_unique = ?", ps -> {
                    ps.setString(1, numero);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }));
    }

    @Test
    void rowLevelSecurityShowsTheDocumentsToTheTerritoryAndTheirApplicantOnly() {
        assertTrue(compter(Scope.territoireReadOnly("038")) >= 3);
        assertEquals(0, compter(Scope.territoireReadOnly("030")));
        assertTrue(compter(Scope.lecture(Scope.compte(compte))) >= 3);
        assertEquals(0, compter(Scope.lecture(Scope.compte(compte + 100_000))));
        // an applicant's scope may add their own deposits only, never a desk's
        assertThrows(RuntimeException.class, () -> transactions.inScope(Scope.compte(compte), () -> jdbc.prepareStatement("""
                UPDATE piece_justificative SET indice_pertinence = 'REGLEMENTAIRE' WHERE numero_unique = ?""", ps -> {
            ps.setString(1, numero);
            int n = ps.executeUpdate();
            if (n == 0) {
                throw new IllegalStateException("aucune ligne modifiable");
            }
            return n;
        })));
        assertThrows(RuntimeException.class, () -> transactions.inScope(Scope.compte(compte + 100_000), () -> jdbc.prepareStatement("""
                INSERT INTO piece_action (territoire, piece_id, numero_unique, action, acteur, acteur_libelle)
                VALUES ('038', ?, ?, 'CONSULTEE', 'x', 'x')""", ps -> {
            ps.setLong(1, nonSensible);
            ps.setString(2, numero);
            return ps.executeUpdate();
        })));
    }
}

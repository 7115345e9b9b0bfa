package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gestion partagée rows of the permission matrix: reading, adding, deleting (own desk only), priority data. */
class GestionPartageePolicyTest {

    private final GestionPartageePolicy policy = new GestionPartageePolicy();
    private final CatalogueEvenements catalogue = new CatalogueEvenements();

    private static Actor professionnel(Profil profil, String guichet) {
        Habilitation h = switch (profil.portee()) {
            case GUICHET -> new Habilitation(1, profil, guichet, "Guichet " + guichet, "038", "Isère");
            case TERRITOIRE -> new Habilitation(1, profil, null, null, "038", "Isère");
            case NATIONALE -> new Habilitation(1, profil, null, null, null, null);
        };
        return new Actor.Professionnel(1, "x@sne.test", "X", "Y", List.of(h), null);
    }

    private static Evenement guichet(String code, String guichet) {
        return new Evenement(7, "038", "038112600000138001", code, "GUICHET", LocalDate.of(2026, 11, 2), null, guichet, "ACTIS",
                false, Instant.now(), null);
    }

    private static Evenement gestionnaire() {
        return new Evenement(8, "038", "038112600000138001", CatalogueEvenements.AVERTISSEMENT_RADIATION, "GUICHET",
                LocalDate.of(2026, 11, 2), null, null, null, true, Instant.now(), null);
    }

    private static Evenement systeme() {
        return new Evenement(9, "038", "038112600000138001", CatalogueEvenements.CREATION, "SYSTEME", LocalDate.of(2026, 11, 2), null,
                "38001", "ACTIS", false, Instant.now(), null);
    }

    @ParameterizedTest(name = "{0}: consult {1}, priority read {2}, add {3}, priority change {4}")
    @CsvSource({
            "GUICHET_ENREGISTREUR,     AUTORISEE, AUTORISEE, AUTORISEE, AUTORISEE",
            "GUICHET_MANAGER,          AUTORISEE, AUTORISEE, AUTORISEE, AUTORISEE",
            "GESTIONNAIRE_TERRITORIAL, AUTORISEE, AUTORISEE, AUTORISEE, AUTORISEE",
            "CONSULTANT_SIMPLE,        AUTORISEE, AUTORISEE, REFUSEE,   REFUSEE",
            "CONSULTANT_DEMANDE,       AUTORISEE, AUTORISEE, REFUSEE,   REFUSEE",
            "CONSULTANT_SENSIBLE,      AUTORISEE, AUTORISEE, REFUSEE,   REFUSEE",
            "ASSISTANCE_NATIONALE,     AUTORISEE, AUTORISEE, REFUSEE,   REFUSEE",
            "ADMINISTRATEUR_NATIONAL,  REFUSEE,   REFUSEE,   REFUSEE,   REFUSEE"})
    void professionalsOfTheTerritory(Profil profil, Decision consulter, Decision lirePriorite, Decision ajouter, Decision priorite) {
        Actor actor = professionnel(profil, "38001");
        assertEquals(consulter, policy.decider(actor, ActionGestionPartagee.CONSULTER, "038"));
        assertEquals(lirePriorite, policy.decider(actor, ActionGestionPartagee.CONSULTER_PRIORITE, "038"));
        assertEquals(ajouter, policy.decider(actor, ActionGestionPartagee.AJOUTER_EVENEMENT, "038"));
        assertEquals(priorite, policy.decider(actor, ActionGestionPartagee.MODIFIER_PRIORITE, "038"));
    }

    @ParameterizedTest(name = "{0} of 038 on a 030 application: not found")
    @CsvSource({"GUICHET_ENREGISTREUR", "GUICHET_MANAGER", "CONSULTANT_SIMPLE", "GESTIONNAIRE_TERRITORIAL"})
    void anotherTerritoryIsNotFound(Profil profil) {
        for (ActionGestionPartagee action : ActionGestionPartagee.values()) {
            assertEquals(Decision.INTROUVABLE, policy.decider(professionnel(profil, "38001"), action, "030"));
        }
    }

    @ParameterizedTest(name = "{0} of desk {1} deletes a 38001 event: {2}")
    @CsvSource({
            "GUICHET_ENREGISTREUR,     38001, AUTORISEE",
            "GUICHET_MANAGER,          38001, AUTORISEE",
            "GUICHET_ENREGISTREUR,     38002, REFUSEE",
            "GUICHET_MANAGER,          38003, REFUSEE",
            "CONSULTANT_SIMPLE,        38001, REFUSEE",
            "GESTIONNAIRE_TERRITORIAL, ,      REFUSEE",
            "ASSISTANCE_NATIONALE,     ,      REFUSEE"})
    void onlyTheCreatingDeskDeletesItsEvent(Profil profil, String guichet, Decision attendue) {
        Actor actor = professionnel(profil, guichet);
        Evenement e = guichet(CatalogueEvenements.DEMANDE_PIECES, "38001");
        assertEquals(attendue, policy.supprimer(actor, e));
        assertEquals(attendue == Decision.AUTORISEE, policy.peutSupprimer(actor, e));
    }

    @Test
    void theTerritorialManagerDeletesTheManagementsEventsOnly() {
        Actor gt = professionnel(Profil.GESTIONNAIRE_TERRITORIAL, null);
        assertEquals(Decision.AUTORISEE, policy.supprimer(gt, gestionnaire()));
        assertEquals(Decision.REFUSEE, policy.supprimer(professionnel(Profil.GUICHET_ENREGISTREUR, "38001"), gestionnaire()));
        assertEquals(Decision.REFUSEE, policy.supprimer(gt, guichet(CatalogueEvenements.DEMANDE_PIECES, "38001")));
    }

    @Test
    void systemEventsAreNeverDeleted() {
        // not even by the desk whose action caused it
        assertEquals(Decision.REFUSEE, policy.supprimer(professionnel(Profil.GUICHET_ENREGISTREUR, "38001"), systeme()));
        assertEquals(Decision.REFUSEE, policy.supprimer(new Actor.ClientApi("editeur-actis", "38001", "038", List.of("demandes")), systeme()));
    }

    @Test
    void anAlreadyDeletedEventOffersNoDeletion() {
        Evenement e = guichet(CatalogueEvenements.DEMANDE_PIECES, "38001");
        Evenement supprime = new Evenement(e.id(), e.territoire(), e.numeroUnique(), e.code(), e.origine(), e.dateSurvenance(), null,
                e.guichet(), e.guichetNom(), false, e.creeLe(), Instant.now());
        Actor agent = professionnel(Profil.GUICHET_ENREGISTREUR, "38001");
        assertTrue(policy.peutSupprimer(agent, e));
        assertFalse(policy.peutSupprimer(agent, supprime));
    }

    @Test
    void apiClientsActForTheirDesk() {
        Actor actis = new Actor.ClientApi("editeur-actis", "38001", "038", List.of("demandes"));
        Actor stegreve = new Actor.ClientApi("editeur-stegreve", "38002", "038", List.of("demandes"));
        Actor exports = new Actor.ClientApi("editeur-x", "38001", "038", List.of("exports"));
        Actor logis = new Actor.ClientApi("editeur-logis", "30001", "030", List.of("demandes"));
        Evenement e = guichet(CatalogueEvenements.DEMANDE_PIECES, "38001");
        assertEquals(Decision.AUTORISEE, policy.supprimer(actis, e));
        assertEquals(Decision.REFUSEE, policy.supprimer(stegreve, e));
        assertEquals(Decision.REFUSEE, policy.supprimer(exports, e));
        assertEquals(Decision.INTROUVABLE, policy.supprimer(logis, e));
        assertEquals(Decision.AUTORISEE, policy.decider(stegreve, ActionGestionPartagee.AJOUTER_EVENEMENT, "038"));
        assertEquals(Decision.INTROUVABLE, policy.decider(logis, ActionGestionPartagee.CONSULTER, "038"));
        assertEquals(new Createur("38002", false), policy.createur(stegreve).orElseThrow());
    }

    @Test
    void theApplicantReadsTheirHistoryButNeverPriorityDataNorWrites() {
        Actor demandeur = new Actor.Particulier(4, "d@exemple.fr", "Lucia", "Garcia");
        assertEquals(Decision.AUTORISEE, policy.decider(demandeur, ActionGestionPartagee.CONSULTER, "038"));
        assertEquals(Decision.REFUSEE, policy.decider(demandeur, ActionGestionPartagee.CONSULTER_PRIORITE, "038"));
        assertEquals(Decision.REFUSEE, policy.decider(demandeur, ActionGestionPartagee.AJOUTER_EVENEMENT, "038"));
        assertEquals(Decision.REFUSEE, policy.decider(demandeur, ActionGestionPartagee.MODIFIER_PRIORITE, "038"));
        assertEquals(Decision.REFUSEE, policy.supprimer(demandeur, guichet(CatalogueEvenements.DEMANDE_PIECES, "38001")));
        assertTrue(policy.createur(demandeur).isEmpty());
    }

    @Test
    void whatTheApplicantSees() {
        Evenement pieces = guichet(CatalogueEvenements.DEMANDE_PIECES, "38001");          // regulatory, meant for them
        Evenement visite = guichet(CatalogueEvenements.VISITE_PROPOSEE, "38001");         // not regulatory, meant for them
        Evenement note = guichet(CatalogueEvenements.NOTE_INTERNE, "38001");              // professionals only
        Evenement supprime = new Evenement(1, "038", "n", CatalogueEvenements.VISITE_PROPOSEE, "GUICHET", LocalDate.now(), null,
                "38001", "ACTIS", false, Instant.now(), Instant.now());
        Evenement inconnu = guichet("XXXDEM", "38001");
        for (boolean ouverts : new boolean[] {true, false}) {
            assertEquals(ouverts, policy.visibleDuDemandeur(pieces, catalogue.type(pieces.code()), ouverts));
            assertTrue(policy.visibleDuDemandeur(visite, catalogue.type(visite.code()), ouverts));
            assertTrue(policy.visibleDuDemandeur(systeme(), catalogue.type(CatalogueEvenements.CREATION), ouverts));
            assertFalse(policy.visibleDuDemandeur(note, catalogue.type(note.code()), ouverts));
            assertFalse(policy.visibleDuDemandeur(supprime, catalogue.type(supprime.code()), ouverts));
            assertFalse(policy.visibleDuDemandeur(inconnu, catalogue.type(inconnu.code()), ouverts));
        }
    }
}

package fr.sne.core.demande;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The applications' rows of the permission matrix (profile × action × own / other territory). */
class DemandePolicyTest {

    private final DemandePolicy policy = new DemandePolicy();

    private static Actor professionnel(Profil profil) {
        Habilitation h = switch (profil.portee()) {
            case GUICHET -> new Habilitation(1, profil, "38001", "ACTIS", "038", "Isère");
            case TERRITOIRE -> new Habilitation(1, profil, null, null, "038", "Isère");
            case NATIONALE -> new Habilitation(1, profil, null, null, null, null);
        };
        return new Actor.Professionnel(1, "x@sne.test", "X", "Y", List.of(h), null);
    }

    @ParameterizedTest(name = "{0} {1}: 038 {2}, 030 {3}")
    @CsvSource({
            "GUICHET_ENREGISTREUR,     CREER,     AUTORISEE, INTROUVABLE",
            "GUICHET_MANAGER,          CREER,     AUTORISEE, INTROUVABLE",
            "CONSULTANT_SIMPLE,        CREER,     REFUSEE,   INTROUVABLE",
            "CONSULTANT_DEMANDE,       CREER,     REFUSEE,   INTROUVABLE",
            "CONSULTANT_SENSIBLE,      CREER,     REFUSEE,   INTROUVABLE",
            "GESTIONNAIRE_TERRITORIAL, CREER,     REFUSEE,   INTROUVABLE",
            "ASSISTANCE_NATIONALE,     CREER,     REFUSEE,   REFUSEE",
            "ADMINISTRATEUR_NATIONAL,  CREER,     REFUSEE,   REFUSEE",
            "GUICHET_ENREGISTREUR,     CONSULTER, AUTORISEE, INTROUVABLE",
            "CONSULTANT_SIMPLE,        CONSULTER, AUTORISEE, INTROUVABLE",
            "GESTIONNAIRE_TERRITORIAL, CONSULTER, AUTORISEE, INTROUVABLE",
            "ASSISTANCE_NATIONALE,     CONSULTER, AUTORISEE, AUTORISEE",
            "ADMINISTRATEUR_NATIONAL,  CONSULTER, REFUSEE,   REFUSEE",
            "GUICHET_ENREGISTREUR,     MODIFIER,  AUTORISEE, INTROUVABLE",
            "GUICHET_MANAGER,          MODIFIER,  AUTORISEE, INTROUVABLE",
            "GESTIONNAIRE_TERRITORIAL, MODIFIER,  AUTORISEE, INTROUVABLE",
            "CONSULTANT_SIMPLE,        MODIFIER,  REFUSEE,   INTROUVABLE",
            "CONSULTANT_SENSIBLE,      MODIFIER,  REFUSEE,   INTROUVABLE",
            "ASSISTANCE_NATIONALE,     MODIFIER,  REFUSEE,   REFUSEE",
            "ADMINISTRATEUR_NATIONAL,  MODIFIER,  REFUSEE,   REFUSEE"})
    void professionals(Profil profil, ActionDemande action, Decision own, Decision other) {
        assertEquals(own, policy.decider(professionnel(profil), action, "038"));
        assertEquals(other, policy.decider(professionnel(profil), action, "030"));
    }

    @ParameterizedTest(name = "client {0} {1}")
    @CsvSource({"demandes, AUTORISEE, INTROUVABLE", "exports, REFUSEE, INTROUVABLE"})
    void apiClients(String scope, Decision own, Decision other) {
        Actor client = new Actor.ClientApi("editeur", "38001", "038", List.of(scope));
        for (ActionDemande action : ActionDemande.values()) {
            assertEquals(own, policy.decider(client, action, "038"));
            assertEquals(other, policy.decider(client, action, "030"));
        }
    }

    @ParameterizedTest(name = "applicant {0}")
    @CsvSource({"CONSULTER, AUTORISEE", "MODIFIER, AUTORISEE", "CREER, REFUSEE"})
    void applicantsOnTheirOwnApplicationOnly(ActionDemande action, Decision own) {
        Actor demandeur = new Actor.Particulier(7, "lucia@exemple.fr", "Lucia", "Garcia");
        assertEquals(own, policy.decider(demandeur, action, "038", 7L));
        // another applicant's application, or one filed at a desk (no account): not found
        assertEquals(Decision.INTROUVABLE, policy.decider(demandeur, action, "038", 8L));
        assertEquals(Decision.INTROUVABLE, policy.decider(demandeur, action, "038", null));
        assertEquals(Decision.INTROUVABLE, policy.decider(demandeur, action, "038"));
    }
}

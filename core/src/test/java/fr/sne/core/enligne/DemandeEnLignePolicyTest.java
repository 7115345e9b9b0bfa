package fr.sne.core.enligne;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The online applications' rows of the permission matrix (profile × action × own / other territory). */
class DemandeEnLignePolicyTest {

    private final DemandeEnLignePolicy policy = new DemandeEnLignePolicy();

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
            "GUICHET_ENREGISTREUR,     LISTER,   AUTORISEE, INTROUVABLE",
            "GUICHET_ENREGISTREUR,     EXAMINER, AUTORISEE, INTROUVABLE",
            "GUICHET_ENREGISTREUR,     VALIDER,  AUTORISEE, INTROUVABLE",
            "GUICHET_ENREGISTREUR,     REFUSER,  AUTORISEE, INTROUVABLE",
            "GUICHET_MANAGER,          VALIDER,  AUTORISEE, INTROUVABLE",
            "GUICHET_MANAGER,          REFUSER,  AUTORISEE, INTROUVABLE",
            "GESTIONNAIRE_TERRITORIAL, EXAMINER, AUTORISEE, INTROUVABLE",
            "GESTIONNAIRE_TERRITORIAL, VALIDER,  REFUSEE,   INTROUVABLE",
            "CONSULTANT_SIMPLE,        EXAMINER, REFUSEE,   INTROUVABLE",
            "CONSULTANT_SENSIBLE,      VALIDER,  REFUSEE,   INTROUVABLE",
            "ASSISTANCE_NATIONALE,     LISTER,   AUTORISEE, AUTORISEE",
            "ASSISTANCE_NATIONALE,     EXAMINER, AUTORISEE, AUTORISEE",
            "ASSISTANCE_NATIONALE,     VALIDER,  REFUSEE,   REFUSEE",
            "ADMINISTRATEUR_NATIONAL,  EXAMINER, REFUSEE,   REFUSEE",
            "GUICHET_ENREGISTREUR,     DEPOSER,  REFUSEE,   REFUSEE"})
    void professionals(Profil profil, ActionEnLigne action, Decision own, Decision other) {
        assertEquals(own, policy.decider(professionnel(profil), action, "038"));
        assertEquals(other, policy.decider(professionnel(profil), action, "030"));
    }

    @Test
    void onlyApplicantsFileAndTheyDoNotWorkTheQueue() {
        Actor demandeur = new Actor.Particulier(7, "d@sne.test", "D", "D");
        assertEquals(Decision.AUTORISEE, policy.decider(demandeur, ActionEnLigne.DEPOSER, null));
        for (ActionEnLigne action : List.of(ActionEnLigne.LISTER, ActionEnLigne.EXAMINER, ActionEnLigne.VALIDER, ActionEnLigne.REFUSER)) {
            assertEquals(Decision.REFUSEE, policy.decider(demandeur, action, "038"));
        }
        assertEquals(Decision.REFUSEE, policy.decider(new Actor.Anonyme(), ActionEnLigne.DEPOSER, null));
        assertEquals(Decision.REFUSEE, policy.decider(new Actor.ClientApi("editeur", "38001", "038", List.of("demandes")),
                ActionEnLigne.VALIDER, "038"));
    }
}

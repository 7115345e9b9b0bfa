package fr.sne.core.antifraude;

import fr.sne.core.demande.DemandePolicy;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who decides a pending change of names, who is subject to the rule, who monitors. */
class ChangementNomPolicyTest {

    private static final long AGENT = 10;

    private final ChangementNomPolicy policy = new ChangementNomPolicy(new DemandePolicy());

    private static Actor.Professionnel professionnel(long utilisateur, Profil profil, String guichet, String territoire) {
        Habilitation h = new Habilitation(utilisateur * 100 + profil.ordinal(), profil, guichet, guichet == null ? null : "Guichet " + guichet,
                territoire, territoire == null ? null : "Territoire " + territoire);
        return new Actor.Professionnel(utilisateur, "u" + utilisateur + "@sne.test", "U", "" + utilisateur, List.of(h), null);
    }

    /** A change asked by agent 10 of desk 38001 (or by software when {@code parLogiciel}). */
    private static ChangementNom enAttente(boolean parLogiciel) {
        return new ChangementNom("038", 1, "038012600000138001", "demandeur", "DUPONT", "Jean", "DURAND", "Jean", false,
                ChangementNom.Statut.EN_ATTENTE, "38001", "ACTIS", parLogiciel ? "client:editeur-actis" : "u10@sne.test",
                parLogiciel ? null : AGENT, "Agent", Instant.now(), 1, null, null, null, null, null);
    }

    @ParameterizedTest(name = "user {0} {1} {2} {3}: {4}")
    @CsvSource(nullValues = "NULL", value = {
            // the territory's manager, and a manager of the requesting desk
            "20, GESTIONNAIRE_TERRITORIAL, NULL,  038,  AUTORISEE",
            "21, GUICHET_MANAGER,          38001, 038,  AUTORISEE",
            // a manager of another desk, an agent (even of the same desk), consultants
            "22, GUICHET_MANAGER,          38002, 038,  REFUSEE",
            "23, GUICHET_ENREGISTREUR,     38001, 038,  REFUSEE",
            "24, CONSULTANT_SENSIBLE,      38001, 038,  REFUSEE",
            // the person who asked, whatever habilitation they use
            "10, GUICHET_MANAGER,          38001, 038,  REFUSEE",
            "10, GESTIONNAIRE_TERRITORIAL, NULL,  038,  REFUSEE",
            "10, GUICHET_ENREGISTREUR,     38001, 038,  REFUSEE",
            // national roles read, never decide; another territory does not know it
            "25, ASSISTANCE_NATIONALE,     NULL,  NULL, REFUSEE",
            "26, ADMINISTRATEUR_NATIONAL,  NULL,  NULL, REFUSEE",
            "27, GESTIONNAIRE_TERRITORIAL, NULL,  030,  INTROUVABLE",
            "28, GUICHET_MANAGER,          30001, 030,  INTROUVABLE"})
    void decidingAChangeAskedByAnAgent(long utilisateur, Profil profil, String guichet, String territoire, Decision attendue) {
        assertEquals(attendue, policy.decider(professionnel(utilisateur, profil, guichet, territoire), enAttente(false)));
    }

    @Test
    void aChangeAskedByADesksSoftwareIsDecidedByTheDesksManagerOrTheGt() {
        assertEquals(Decision.AUTORISEE, policy.decider(professionnel(21, Profil.GUICHET_MANAGER, "38001", "038"), enAttente(true)));
        assertEquals(Decision.AUTORISEE, policy.decider(professionnel(20, Profil.GESTIONNAIRE_TERRITORIAL, null, "038"), enAttente(true)));
        assertEquals(Decision.REFUSEE, policy.decider(professionnel(22, Profil.GUICHET_MANAGER, "38002", "038"), enAttente(true)));
        // software never decides
        assertEquals(Decision.REFUSEE, policy.decider(new Actor.ClientApi("editeur-actis", "38001", "038", List.of("demandes")),
                enAttente(true)));
    }

    @Test
    void desksAreSubjectToTheRuleTheTerritorialManagerIsNot() {
        assertTrue(policy.soumisAValidation(professionnel(1, Profil.GUICHET_ENREGISTREUR, "38001", "038")));
        assertTrue(policy.soumisAValidation(professionnel(1, Profil.GUICHET_MANAGER, "38001", "038")));
        assertTrue(policy.soumisAValidation(new Actor.ClientApi("editeur-actis", "38001", "038", List.of("demandes"))));
        assertFalse(policy.soumisAValidation(professionnel(1, Profil.GESTIONNAIRE_TERRITORIAL, null, "038")));
        assertFalse(policy.soumisAValidation(new Actor.Particulier(1, "a@b.fr", "A", "B")));
    }

    @ParameterizedTest(name = "{0} {2}: monitor {3}, consult {4}")
    @CsvSource(nullValues = "NULL", value = {
            "GESTIONNAIRE_TERRITORIAL, NULL,  038,  AUTORISEE, AUTORISEE",
            "GUICHET_MANAGER,          38001, 038,  REFUSEE,   AUTORISEE",
            "GUICHET_ENREGISTREUR,     38001, 038,  REFUSEE,   AUTORISEE",
            "CONSULTANT_SIMPLE,        38002, 038,  REFUSEE,   AUTORISEE",
            "ASSISTANCE_NATIONALE,     NULL,  NULL, REFUSEE,   AUTORISEE",
            "ADMINISTRATEUR_NATIONAL,  NULL,  NULL, REFUSEE,   REFUSEE",
            "GESTIONNAIRE_TERRITORIAL, NULL,  030,  INTROUVABLE, INTROUVABLE"})
    void monitoringIsTheGtsReadingFollowsTheApplication(Profil profil, String guichet, String territoire, Decision surveiller,
                                                         Decision consulter) {
        Actor actor = professionnel(30, profil, guichet, territoire);
        assertEquals(surveiller, policy.decider(actor, ActionChangementNom.SURVEILLER, "038"));
        assertEquals(consulter, policy.decider(actor, ActionChangementNom.CONSULTER, "038"));
    }
}

package fr.sne.community.assistance;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may do what on a ticket filed by user 1 of desk 38001, shared as each case says. */
class AssistancePolicyTest {

    private static final Organisation ACTIS = new Organisation(Organisation.Type.GUICHET, "38001", "ACTIS");

    private static Ticket ticket(boolean organisation, StatutTicket statut) {
        Instant t = Instant.parse("2026-07-08T08:00:00Z");
        return new Ticket(10, "038", "AST-2026-000010", 1, ApplicationAssistee.SNE, ThemeAssistance.ANOMALIE, Priorite.NORMALE, "R", "D",
                Map.of(), 1, "Julie", "agent.actis@sne.test", ACTIS, organisation, statut, null, null, t, null, null, null, t, 1);
    }

    private static Lecteur lecteur(long id, String organisation, Long equipe) {
        return new Lecteur(id, false, organisation == null ? Set.of() : Set.of(organisation), equipe == null ? Set.of() : Set.of(equipe));
    }

    @Test
    void matrice() {
        Ticket partage = ticket(true, StatutTicket.OUVERT);
        Lecteur demandeur = lecteur(1, "GUICHET:38001", null);
        Lecteur collegue = lecteur(2, "GUICHET:38001", null);
        Lecteur autreGuichet = lecteur(3, "GUICHET:38002", null);
        Lecteur equipier = lecteur(4, "TERRITOIRE:030", 7L);
        Lecteur participant = lecteur(5, null, null);
        Lecteur agent = new Lecteur(6, true, Set.of(), Set.of());
        Set<Long> equipes = Set.of(7L);
        Set<Long> participants = Set.of(5L);

        assertEquals(Decision.AUTORISEE, AssistancePolicy.decider(collegue, partage, Set.of(), Set.of(), ActionTicket.VOIR));
        assertEquals(Decision.REFUSEE, AssistancePolicy.decider(collegue, partage, Set.of(), Set.of(), ActionTicket.COMMENTER));
        assertEquals(Decision.INTROUVABLE, AssistancePolicy.decider(collegue, ticket(false, StatutTicket.OUVERT), Set.of(), Set.of(), ActionTicket.VOIR));
        assertEquals(Decision.INTROUVABLE, AssistancePolicy.decider(autreGuichet, partage, equipes, participants, ActionTicket.VOIR));
        assertEquals(Decision.AUTORISEE, AssistancePolicy.decider(equipier, ticket(false, StatutTicket.OUVERT), equipes, Set.of(), ActionTicket.VOIR));
        assertEquals(Decision.REFUSEE, AssistancePolicy.decider(equipier, partage, equipes, Set.of(), ActionTicket.NOTES_INTERNES));
        assertEquals(Decision.AUTORISEE, AssistancePolicy.decider(participant, ticket(false, StatutTicket.OUVERT), Set.of(), participants, ActionTicket.COMMENTER));
        assertEquals(Decision.REFUSEE, AssistancePolicy.decider(participant, partage, Set.of(), participants, ActionTicket.PARTAGER));
        assertEquals(Decision.AUTORISEE, AssistancePolicy.decider(demandeur, partage, Set.of(), Set.of(), ActionTicket.PARTAGER));
        assertEquals(Decision.REFUSEE, AssistancePolicy.decider(demandeur, partage, Set.of(), Set.of(), ActionTicket.TRAITER));
        assertEquals(Decision.REFUSEE, AssistancePolicy.decider(demandeur, ticket(true, StatutTicket.TERMINE), Set.of(), Set.of(), ActionTicket.COMMENTER));
        for (ActionTicket a : ActionTicket.values()) {
            assertEquals(Decision.AUTORISEE, AssistancePolicy.decider(agent, ticket(false, StatutTicket.TERMINE), Set.of(), Set.of(), a));
        }
    }

    @Test
    void agentsEtOrganisations() {
        Actor support = new Actor.Professionnel(6, "support@sne.test", "H", "D",
                List.of(new Habilitation(1, Profil.ASSISTANCE_NATIONALE, null, null, null, null)), null);
        Actor gt = new Actor.Professionnel(7, "gt@sne.test", "C", "M",
                List.of(new Habilitation(2, Profil.GESTIONNAIRE_TERRITORIAL, null, null, "038", "Isère")), null);
        assertTrue(AssistancePolicy.agent(support));
        assertFalse(AssistancePolicy.administrateur(support));
        assertFalse(AssistancePolicy.agent(gt));
        assertEquals(Set.of("TERRITOIRE:038"), AssistancePolicy.organisations(gt));
        assertEquals("organisation:territoire-038", AssistancePolicy.organisationActive(gt).orElseThrow().jeton());
        assertEquals(Decision.REFUSEE, AssistancePolicy.creer(new Actor.Anonyme()));
        assertEquals(Decision.REFUSEE, AssistancePolicy.administrer(support));
    }
}

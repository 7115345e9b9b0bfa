package fr.sne.app;

import fr.sne.community.assistance.Commentaire;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.Participant;
import fr.sne.community.assistance.SaisieTicket;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.assistance.TicketRepository;
import fr.sne.community.assistance.cloture.ClotureAutomatique;
import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.community.assistance.type.TypesAssistance;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Support tickets through the service, on the real database: who sees what (organisation, teams,
 * agents, outsiders), replies idempotent on the mail's Message-ID, internal notes, reopening,
 * the automatic closing, the observers told after the commit.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistanceTest implements SharedServicesTest {

    @Inject
    DemandesAssistance demandes;
    @Inject
    TypesAssistance types;
    @Inject
    EquipeRepository equipes;
    @Inject
    TenantTransactions transactions;
    @Inject
    ClotureAutomatique cloture;
    @Inject
    ObservateurAssistanceEnregistreur observateur;

    AssistanceFixture f;
    long anomalieSne;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(SharedServicesTest.super.getProperties());
        p.put("sne.jobs.enabled", "false");
        return p;
    }

    @BeforeAll
    void preparer() {
        f = new AssistanceFixture(transactions, equipes);
        anomalieSne = types.actifs().stream().filter(t -> t.code().equals("sne-anomalie")).findFirst().orElseThrow().id();
    }

    private static String unique(String s) {
        return s + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private boolean voit(String email, Ticket t) {
        try {
            demandes.consulter(f.pro(email), t.cle());
            return true;
        } catch (Refus r) {
            assertEquals(404, r.getStatus().getCode(), "an outsider gets 404, never 403");
            return false;
        }
    }

    private boolean liste(String email, Ticket t) {
        return demandes.lister(f.pro(email), new TicketRepository.Criteres(Set.of(), null, null, null, null, null,
                TicketRepository.Portee.TOUTES, null, null), 1, 500).tickets().stream().anyMatch(x -> x.id() == t.id());
    }

    @Test
    void partageAvecLOrganisation() {
        Ticket t = demandes.creer(f.pro("agent.actis@sne.test"), AssistanceFixture.anomalie(anomalieSne, unique("Bouton muet"), true, Set.of()));
        assertTrue(t.cle().matches("AST-\\d{4}-\\d{6,}"), t.cle());
        assertEquals(StatutTicket.OUVERT, t.statut());
        assertEquals("038", t.territoire());
        assertTrue(voit("agent.actis@sne.test", t));
        assertTrue(voit("manager.actis@sne.test", t), "same desk, shared with the organisation");
        assertFalse(voit("agent.stegreve@sne.test", t), "another desk of the same territory");
        assertFalse(voit("agent.logis@sne.test", t));
        assertFalse(voit("gt.isere@sne.test", t), "the territory's GT is not the desk");
        assertTrue(voit("support@sne.test", t), "agents see every ticket");
        assertTrue(voit("admin@sne.test", t));
        assertTrue(liste("manager.actis@sne.test", t));
        assertFalse(liste("agent.stegreve@sne.test", t));

        Ticket prive = demandes.creer(f.pro("agent.actis@sne.test"), AssistanceFixture.anomalie(anomalieSne, unique("Privé"), false, Set.of()));
        assertFalse(voit("manager.actis@sne.test", prive), "not shared: the colleague does not see it");
        assertTrue(voit("support@sne.test", prive));
    }

    @Test
    void partageAvecUneEquipe() {
        long fichiers = f.equipe("Gestionnaires de fichiers partagés");
        Ticket t = demandes.creer(f.pro("gt.isere@sne.test"), AssistanceFixture.anomalie(anomalieSne, unique("Fichier partagé"), false, Set.of(fichiers)));
        assertTrue(voit("gt.gard@sne.test", t), "team member in another territory");
        assertTrue(voit("manager.actis@sne.test", t), "team member");
        assertFalse(voit("agent.actis@sne.test", t));
        assertFalse(voit("agent.logis@sne.test", t));
        assertTrue(liste("gt.gard@sne.test", t));
        // a requester shares only with their own teams
        Formulaire.Invalide e = assertThrows(Formulaire.Invalide.class, () -> demandes.creer(f.pro("agent.actis@sne.test"),
                AssistanceFixture.anomalie(anomalieSne, "x", false, Set.of(fichiers))));
        assertTrue(e.erreurs().containsKey("equipes"));
        // readers read but do not reply; participants do
        assertFalse(demandes.peutCommenter(t.id(), f.id("gt.gard@sne.test")));
        assertThrows(Refus.class, () -> demandes.commenter(f.pro("gt.gard@sne.test"), t.cle(), "Moi aussi", true));
        demandes.ajouterParticipant(f.pro("gt.isere@sne.test"), t.cle(), "gt.gard@sne.test");
        assertTrue(demandes.peutCommenter(t.id(), f.id("gt.gard@sne.test")));
        demandes.commenter(f.pro("gt.gard@sne.test"), t.cle(), "Même problème dans le Gard.", true);
        List<Participant> participants = demandes.participants(t.id());
        assertTrue(participants.stream().anyMatch(p -> p.courriel().equals("gt.gard@sne.test") && p.peutCommenter()
                && p.role() == Participant.Role.PARTICIPANT));
        assertTrue(participants.stream().anyMatch(p -> p.courriel().equals("manager.actis@sne.test") && !p.peutCommenter()));
        assertTrue(participants.stream().anyMatch(p -> p.courriel().equals("gt.isere@sne.test") && p.role() == Participant.Role.DEMANDEUR));
    }

    @Test
    void champsDuTypeVerifies() {
        SaisieTicket sansEnvironnement = new SaisieTicket(Long.toString(anomalieSne), "NORMALE", "Résumé", "Description",
                Map.of("numero_unique", "pas un numéro"), false, Set.of());
        Formulaire.Invalide e = assertThrows(Formulaire.Invalide.class, () -> demandes.creer(f.pro("agent.actis@sne.test"), sansEnvironnement));
        assertTrue(e.erreurs().get("champ_environnement").contains("Environnement"), e.erreurs().toString());
        assertTrue(e.erreurs().get("champ_numero_unique").contains("18 caractères"), e.erreurs().toString());
    }

    @Test
    void reponseParCourrielIdempotenteEtObservateursApresEngagement() {
        Ticket t = demandes.creer(f.pro("agent.actis@sne.test"), AssistanceFixture.anomalie(anomalieSne, unique("Courriel"), false, Set.of()));
        assertEquals(t.id(), demandes.parCle(t.cle().toLowerCase()).orElseThrow().id());
        assertEquals(t.cle(), DemandesAssistance.cleDans("Re: [" + t.cle() + "] Bouton muet").orElseThrow());
        String messageId = "<" + UUID.randomUUID() + "@exemple.fr>";
        Commentaire un = demandes.commenter(t.id(), t.demandeurId(), "Précision par courriel", true, messageId);
        Commentaire deux = demandes.commenter(t.id(), t.demandeurId(), "Précision par courriel", true, messageId);
        assertEquals(un.id(), deux.id());
        assertEquals(1, demandes.consulter(f.pro("agent.actis@sne.test"), t.cle()).commentaires().size());
        assertThrows(Refus.class, () -> demandes.commenter(t.id(), f.id("agent.stegreve@sne.test"), "Intrus", true, "<" + UUID.randomUUID() + "@x>"));
        assertEquals(List.of("création engagé", "réponse engagé courriel lu"), observateur.de(t.cle()));
    }

    @Test
    void notesInternesEtReouverture() {
        Actor.Professionnel demandeur = f.pro("agent.actis@sne.test");
        Actor.Professionnel support = f.pro("support@sne.test");
        Ticket t = demandes.creer(demandeur, AssistanceFixture.anomalie(anomalieSne, unique("Note"), true, Set.of()));
        demandes.commenter(support, t.cle(), "Note interne : voir le ticket éditeur", false);
        demandes.commenter(support, t.cle(), "Pouvez-vous réessayer ?", true);
        assertThrows(Refus.class, () -> demandes.commenter(demandeur, t.cle(), "Ma note", false));
        DemandesAssistance.Vue vueDemandeur = demandes.consulter(demandeur, t.cle());
        assertEquals(List.of("Pouvez-vous réessayer ?"), vueDemandeur.commentaires().stream().map(Commentaire::corpsMarkdown).toList());
        assertEquals(2, demandes.consulter(support, t.cle()).commentaires().size());
        Ticket repondu = demandes.parId(t.id()).orElseThrow();
        assertEquals(StatutTicket.EN_COURS, repondu.statut(), "the first public reply takes the ticket");
        assertTrue(repondu.premiereReponseLe() != null);

        demandes.changerStatut(support, t.cle(), StatutTicket.RESOLU);
        assertEquals(StatutTicket.RESOLU, demandes.parId(t.id()).orElseThrow().statut());
        demandes.commenter(demandeur, t.cle(), "Le problème revient.", true);
        Ticket rouvert = demandes.parId(t.id()).orElseThrow();
        assertEquals(StatutTicket.OUVERT, rouvert.statut(), "a requester's reply reopens a resolved ticket");
        assertTrue(rouvert.resoluLe() == null);
        assertTrue(observateur.de(t.cle()).contains("réouverture"), observateur.de(t.cle()).toString());
        assertTrue(observateur.de(t.cle()).contains("statut RESOLU>OUVERT engagé"), observateur.de(t.cle()).toString());
    }

    @Test
    void clotureAutomatique() {
        Actor.Professionnel support = f.pro("support@sne.test");
        Ticket resolu = demandes.creer(f.pro("agent.actis@sne.test"), AssistanceFixture.anomalie(anomalieSne, unique("Résolu"), false, Set.of()));
        Ticket rouvert = demandes.creer(f.pro("agent.actis@sne.test"), AssistanceFixture.anomalie(anomalieSne, unique("Rouvert"), false, Set.of()));
        demandes.changerStatut(support, resolu.cle(), StatutTicket.RESOLU);
        demandes.changerStatut(support, rouvert.cle(), StatutTicket.RESOLU);
        demandes.commenter(f.pro("agent.actis@sne.test"), rouvert.cle(), "Ce n’est pas réglé.", true);

        cloture.executer(Instant.now().plus(Duration.ofDays(6)));
        assertEquals(StatutTicket.RESOLU, demandes.parId(resolu.id()).orElseThrow().statut(), "six days: not yet");
        cloture.executer(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
        assertEquals(StatutTicket.TERMINE, demandes.parId(resolu.id()).orElseThrow().statut());
        assertEquals(StatutTicket.OUVERT, demandes.parId(rouvert.id()).orElseThrow().statut(), "reopened: never closed");
        // a closed ticket takes no more replies from the requester
        Refus r = assertThrows(Refus.class, () -> demandes.commenter(f.pro("agent.actis@sne.test"), resolu.cle(), "Encore", true));
        assertEquals(403, r.getStatus().getCode());
    }
}

package fr.sne.app;

import fr.sne.community.assistance.Commentaire;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.ObservateurAssistance;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the tickets' observers are told, and whether the change was already committed
 * then (read back in a transaction of its own).
 */
@Singleton
class ObservateurAssistanceEnregistreur implements ObservateurAssistance {

    private final DemandesAssistance demandes;
    final List<String> evenements = new CopyOnWriteArrayList<>();

    ObservateurAssistanceEnregistreur(DemandesAssistance demandes) {
        this.demandes = demandes;
    }

    private String engage(Ticket t) {
        return demandes.parId(t.id()).map(lu -> lu.statut() == t.statut() ? "engagé" : "non engagé").orElse("absent");
    }

    @Override
    public void creation(Ticket ticket) {
        evenements.add(ticket.cle() + " création " + engage(ticket));
    }

    @Override
    public void reponsePublique(Ticket ticket, Commentaire commentaire) {
        boolean lu = demandes.commentaireParMessageId(commentaire.messageIdCourriel() == null ? "-" : commentaire.messageIdCourriel()).isPresent();
        evenements.add(ticket.cle() + " réponse " + engage(ticket) + (commentaire.messageIdCourriel() == null ? "" : lu ? " courriel lu" : " courriel absent"));
    }

    @Override
    public void changementStatut(Ticket ticket, StatutTicket ancien, StatutTicket nouveau, Long auteurId) {
        evenements.add(ticket.cle() + " statut " + ancien + ">" + nouveau + " " + engage(ticket));
    }

    @Override
    public void reouverture(Ticket ticket, Long auteurId) {
        evenements.add(ticket.cle() + " réouverture");
    }

    List<String> de(String cle) {
        return evenements.stream().filter(e -> e.startsWith(cle + " ")).map(e -> e.substring(cle.length() + 1)).toList();
    }
}

package fr.sne.community.assistance.satisfaction;

import java.time.Instant;

/**
 * One resolution round's satisfaction survey.
 *
 * @param note      1–5, null while unanswered
 * @param annuleLe  set when the ticket was reopened: the round no longer rates and the report leaves it out
 */
public record Invitation(long ticketId, int tour, long demandeurId, Long agentId, String application, Instant inviteLe,
                         Instant expireLe, Integer note, String commentaire, Instant reponduLe, Instant annuleLe) {

    public boolean repondue() {
        return note != null;
    }

    public boolean annulee() {
        return annuleLe != null;
    }
}

package fr.sne.community.assistance;

/**
 * Told of what happens to tickets, once the change is committed (mails, satisfaction surveys...).
 * Every bean is called, in no set order; a failing bean is logged and never undoes the change nor
 * stops the others. Called on the thread that made the change: hand long work to a job.
 */
public interface ObservateurAssistance {

    /** A ticket was filed. */
    default void creation(Ticket ticket) {
    }

    /** A public reply was added (by the requester, a participant or an agent; by page or by mail). */
    default void reponsePublique(Ticket ticket, Commentaire commentaire) {
    }

    /** The status changed (by an agent, the requester or the automatic closing). */
    default void changementStatut(Ticket ticket, StatutTicket ancien, StatutTicket nouveau, Long auteurId) {
    }

    /** A resolved ticket was reopened (a requester's reply or an agent's action); also a status change. */
    default void reouverture(Ticket ticket, Long auteurId) {
    }
}

package fr.sne.core.evenement;

/** What can be done with an application's shared history and priority data (gestion partagée). */
public enum ActionGestionPartagee {
    /** Read the events (all of them for professionals, the visible ones for the applicant) and the priority data. */
    CONSULTER,
    /** Read the priority data: professionals only, never the applicant. */
    CONSULTER_PRIORITE,
    AJOUTER_EVENEMENT,
    /** Delete one event: also needs to be its creator ({@link GestionPartageePolicy#supprimer}). */
    SUPPRIMER_EVENEMENT,
    MODIFIER_PRIORITE
}

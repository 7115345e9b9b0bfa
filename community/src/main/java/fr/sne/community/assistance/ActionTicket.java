package fr.sne.community.assistance;

/** What may be done on a ticket, decided by {@link AssistancePolicy}. */
public enum ActionTicket {
    /** Read the ticket and its public replies. */
    VOIR,
    /** Add a public reply. */
    COMMENTER,
    /** Read and write internal notes (agents only). */
    NOTES_INTERNES,
    /** Assign, change the status (agents only). */
    TRAITER,
    /** Add participants, change the sharing (requester and agents). */
    PARTAGER
}

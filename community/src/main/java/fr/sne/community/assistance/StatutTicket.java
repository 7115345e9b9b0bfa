package fr.sne.community.assistance;

/** Where a ticket stands. Resolved and closed tickets stay listed: the requesters asked for it. */
public enum StatutTicket {
    OUVERT("Ouvert"),
    EN_COURS("En cours"),
    EN_ATTENTE_DEMANDEUR("En attente demandeur"),
    RESOLU("Résolu"),
    TERMINE("Terminé");

    private final String libelle;

    StatutTicket(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    /** Still awaiting the support team's work (counts for the service levels). */
    public boolean actif() {
        return this == OUVERT || this == EN_COURS || this == EN_ATTENTE_DEMANDEUR;
    }

    public static StatutTicket parCode(String code) {
        for (StatutTicket s : values()) {
            if (s.name().equals(code)) {
                return s;
            }
        }
        return null;
    }
}

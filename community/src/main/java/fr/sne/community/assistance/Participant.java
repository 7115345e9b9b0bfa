package fr.sne.community.assistance;

/**
 * A person involved in a ticket, with what they may do.
 *
 * @param role       why they are involved
 * @param peutCommenter requester, explicit participants and agents may reply; readers may not
 */
public record Participant(long utilisateurId, String nom, String courriel, Role role, boolean peutCommenter) {

    public enum Role {
        DEMANDEUR("Demandeur"),
        PARTICIPANT("Participant"),
        AGENT("Agent de l’assistance"),
        LECTEUR_ORGANISATION("Membre de l’organisation"),
        LECTEUR_EQUIPE("Membre d’une équipe");

        private final String libelle;

        Role(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }
}

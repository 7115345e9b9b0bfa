package fr.sne.core.evenement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored event of an application's shared history. The agent who entered it is kept in the
 * table and the audit trail, never here: pages and the API show the desk.
 *
 * @param guichet         the desk that entered it, or whose action caused a system event; null for the
 *                        system alone or the territory's management
 * @param parGestionnaire entered by the territory's management (GT)
 * @param supprimeLe      when its desk deleted it (professionals still see it, flagged), or null
 */
public record Evenement(long id, String territoire, String numeroUnique, String code, String origine,
                        LocalDate dateSurvenance, String commentaire, String guichet, String guichetNom,
                        boolean parGestionnaire, Instant creeLe, Instant supprimeLe) {

    public boolean supprime() {
        return supprimeLe != null;
    }

    public boolean systeme() {
        return "SYSTEME".equals(origine);
    }

    /** Whether {@code createur} entered this desk event. */
    public boolean creePar(Createur createur) {
        return !systeme() && createur != null
                && (createur.gestionnaire() ? parGestionnaire : createur.guichet() != null && createur.guichet().equals(guichet));
    }

    /** The creator as a person reads it: the desk's name, the territory's management, or the register itself. */
    public String createurLibelle() {
        if (parGestionnaire) {
            return "Gestionnaire territorial";
        }
        if (guichet == null) {
            return "Système";
        }
        return guichetNom == null ? guichet : guichetNom + " (" + guichet + ")";
    }
}

package fr.sne.core.avis;

/**
 * Where one sending of a notice stands (column {@code avis_envoi.etat}), with the words a
 * professional and an applicant read on the application's page.
 */
public enum EtatEnvoi {
    A_ENVOYER("À envoyer", "En préparation"),
    EN_COURS("Envoi en cours", "En préparation"),
    ENVOYE("Envoyé", "Envoyé"),
    INCERTAIN("Envoi incertain", "Envoi non confirmé"),
    ECHEC("Échec de l’envoi", "Non remis"),
    A_IMPRIMER("Courrier à imprimer", "En préparation"),
    IMPRIME("Courrier imprimé", "Posté"),
    ANNULE("Annulé", "Annulé");

    private final String libelle;
    private final String libelleDemandeur;

    EtatEnvoi(String libelle, String libelleDemandeur) {
        this.libelle = libelle;
        this.libelleDemandeur = libelleDemandeur;
    }

    public String getLibelle() {
        return libelle;
    }

    public String getLibelleDemandeur() {
        return libelleDemandeur;
    }

    /** The DSFR badge that goes with it. */
    public String getBadge() {
        return switch (this) {
            case ENVOYE, IMPRIME -> "fr-badge--success";
            case INCERTAIN -> "fr-badge--warning";
            case ECHEC -> "fr-badge--error";
            case ANNULE -> "";
            default -> "fr-badge--info";
        };
    }
}

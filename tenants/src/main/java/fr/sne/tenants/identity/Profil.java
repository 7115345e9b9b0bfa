package fr.sne.tenants.identity;

/** The profiles a habilitation can carry, with their French labels. */
public enum Profil {
    GUICHET_ENREGISTREUR("Guichet enregistreur", Portee.GUICHET),
    GUICHET_MANAGER("Guichet manager", Portee.GUICHET),
    CONSULTANT_SIMPLE("Consultant simple", Portee.GUICHET),
    CONSULTANT_DEMANDE("Consultant demande", Portee.GUICHET),
    CONSULTANT_SENSIBLE("Consultant sensible", Portee.GUICHET),
    GESTIONNAIRE_TERRITORIAL("Gestionnaire territorial", Portee.TERRITOIRE),
    ASSISTANCE_NATIONALE("Assistance nationale", Portee.NATIONALE),
    ADMINISTRATEUR_NATIONAL("Administrateur national", Portee.NATIONALE);

    /** Whether the profile is held on a desk, on a territory or nationally. */
    public enum Portee { GUICHET, TERRITOIRE, NATIONALE }

    private final String libelle;
    private final Portee portee;

    Profil(String libelle, Portee portee) {
        this.libelle = libelle;
        this.portee = portee;
    }

    public String libelle() {
        return libelle;
    }

    public Portee portee() {
        return portee;
    }
}

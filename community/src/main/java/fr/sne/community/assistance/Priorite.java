package fr.sne.community.assistance;

/** How urgent a ticket is; drives its service-level targets. */
public enum Priorite {
    BASSE("Basse"),
    NORMALE("Normale"),
    HAUTE("Haute"),
    CRITIQUE("Critique : production bloquée");

    private final String libelle;

    Priorite(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public static Priorite parCode(String code) {
        for (Priorite p : values()) {
            if (p.name().equals(code)) {
                return p;
            }
        }
        return null;
    }
}

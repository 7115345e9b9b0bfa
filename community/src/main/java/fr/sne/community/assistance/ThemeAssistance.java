package fr.sne.community.assistance;

/** What a ticket is about, within an application. */
public enum ThemeAssistance {
    HABILITATION("Habilitation"),
    ANOMALIE("Anomalie"),
    CONSEIL("Conseil"),
    PARAMETRAGE("Demande de paramétrage"),
    CORRECTION_DONNEES("Correction de données");

    private final String libelle;

    ThemeAssistance(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public static ThemeAssistance parCode(String code) {
        for (ThemeAssistance t : values()) {
            if (t.name().equals(code)) {
                return t;
            }
        }
        return null;
    }
}

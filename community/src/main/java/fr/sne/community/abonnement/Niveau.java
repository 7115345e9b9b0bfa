package fr.sne.community.abonnement;

/** How closely a person follows a target. */
public enum Niveau {
    /** Every new post or item notified, in the app and by e-mail (digest). */
    SURVEILLE("Surveillé", "Chaque nouveau message est notifié, dans l’application et par courriel (résumé)."),
    /** Every new post or item notified in the app only. */
    SUIVI("Suivi", "Chaque nouveau message est notifié dans l’application, sans courriel."),
    /** Only mentions and replies to my topics (the default). */
    NORMAL("Normal", "Seulement les mentions et les réponses à vos sujets."),
    /** Nothing, not even the digest. */
    SILENCIEUX("Silencieux", "Aucune notification, pas même le résumé.");

    private final String libelle;
    private final String description;

    Niveau(String libelle, String description) {
        this.libelle = libelle;
        this.description = description;
    }

    public String libelle() {
        return libelle;
    }

    public String description() {
        return description;
    }

    /** The level named in a form, or null when unknown. */
    public static Niveau de(String valeur) {
        if (valeur == null) {
            return null;
        }
        for (Niveau n : values()) {
            if (n.name().equalsIgnoreCase(valeur.strip())) {
                return n;
            }
        }
        return null;
    }
}

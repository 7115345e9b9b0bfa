package fr.sne.community.info;

import java.util.Arrays;

/** Who may read an article. */
public enum Audience {
    PUBLIC("Tout public"),
    PROFESSIONNELS("Professionnels connectés"),
    TERRITOIRE("Professionnels du territoire");

    private final String libelle;

    Audience(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public String code() {
        return name();
    }

    public static Audience parCode(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst().orElse(null);
    }
}

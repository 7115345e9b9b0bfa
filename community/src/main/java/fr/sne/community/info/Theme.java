package fr.sne.community.info;

import java.util.Arrays;
import java.util.Locale;

/** The themes an article is filed under (checked by the database too). */
public enum Theme {
    SNE("SNE"),
    COTATION("Cotation"),
    PORTAIL("Portail grand public"),
    INFOCENTRE("Infocentre"),
    REGLEMENTATION("Réglementation"),
    INTERFACES("Interfaces et web services");

    private final String libelle;

    Theme(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }

    public String code() {
        return name();
    }

    /** The theme's value in the search engine's facet and API ({@code theme=}). */
    public String codeRecherche() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Theme parCode(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst().orElse(null);
    }
}

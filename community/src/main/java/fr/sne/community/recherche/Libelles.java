package fr.sne.community.recherche;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The French labels of facet values: features' own first, then the common ones, then the code. */
@Singleton
public class Libelles {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("actualite", "Actualité"),
            Map.entry("maintenance", "Maintenance programmée"),
            Map.entry("incident", "Incident"),
            Map.entry("note-version", "Note de version"),
            Map.entry("guide", "Guide"),
            Map.entry("faq", "Question fréquente"),
            Map.entry("documentation", "Documentation"),
            Map.entry("document", "Document"),
            Map.entry("texte-reference", "Texte de référence"),
            Map.entry("sujet", "Sujet de discussion"),
            Map.entry("sujet-resolu", "Sujet résolu"),
            Map.entry("ticket", "Demande d’assistance"));
    private static final Map<String, String> THEMES = Map.ofEntries(
            Map.entry("sne", "SNE"),
            Map.entry("cotation", "Cotation"),
            Map.entry("portail", "Portail grand public"),
            Map.entry("portail-grand-public", "Portail grand public"),
            Map.entry("infocentre", "Infocentre"),
            Map.entry("reglementation", "Réglementation"),
            Map.entry("interfaces", "Interfaces"));
    private static final Map<String, String> DIMENSIONS = Map.of(
            Schema.DIM_TYPE, "Type de contenu",
            Schema.DIM_THEME, "Thème",
            Schema.DIM_ESPACE, "Espace",
            "periode", "Date");

    private final List<LibellesRecherche> fonctionnalites;

    public Libelles(List<LibellesRecherche> fonctionnalites) {
        this.fonctionnalites = List.copyOf(fonctionnalites);
    }

    public static Libelles communs() {
        return new Libelles(List.of());
    }

    public String dimension(String dimension) {
        return DIMENSIONS.getOrDefault(dimension, dimension);
    }

    public String valeur(String dimension, String code) {
        for (LibellesRecherche f : fonctionnalites) {
            Optional<String> libelle = f.libelle(dimension, code);
            if (libelle.isPresent()) {
                return libelle.get();
            }
        }
        String commun = switch (dimension) {
            case Schema.DIM_TYPE -> TYPES.get(code);
            case Schema.DIM_THEME -> THEMES.get(code);
            default -> null;
        };
        if (commun != null) {
            return commun;
        }
        if (Schema.DIM_ESPACE.equals(dimension) || code.isEmpty()) {
            return code;
        }
        String mots = code.replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(mots.charAt(0)) + mots.substring(1);
    }
}

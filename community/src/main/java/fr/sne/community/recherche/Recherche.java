package fr.sne.community.recherche;

import java.util.List;
import java.util.Set;

/**
 * One search as a page or a script asks for it.
 *
 * @param texte    what was typed (may be blank when filters alone are asked for)
 * @param types    content types to keep (none: all)
 * @param themes   themes to keep (none: all)
 * @param espaces  community spaces to keep (none: all)
 * @param periodes date ranges to keep (none: all)
 * @param page     1-based
 * @param tri      by relevance or by date (newest first)
 */
public record Recherche(String texte, Set<String> types, Set<String> themes, Set<String> espaces,
                        Set<Periode> periodes, int page, Tri tri) {

    public static final int PAR_PAGE = 10;
    /** Deeper pages cost more and are never read: refine instead. */
    public static final int PAGE_MAX = 100;

    public enum Tri { PERTINENCE, DATE }

    public Recherche {
        types = types == null ? Set.of() : Set.copyOf(types);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        espaces = espaces == null ? Set.of() : Set.copyOf(espaces);
        periodes = periodes == null ? Set.of() : Set.copyOf(periodes);
        page = Math.clamp(page, 1, PAGE_MAX);
        tri = tri == null ? Tri.PERTINENCE : tri;
    }

    public static Recherche de(String texte) {
        return new Recherche(texte, Set.of(), Set.of(), Set.of(), Set.of(), 1, Tri.PERTINENCE);
    }

    public Recherche page(int autre) {
        return new Recherche(texte, types, themes, espaces, periodes, autre, tri);
    }

    public Recherche types(String... autres) {
        return new Recherche(texte, Set.of(autres), themes, espaces, periodes, page, tri);
    }

    public Recherche themes(String... autres) {
        return new Recherche(texte, types, Set.of(autres), espaces, periodes, page, tri);
    }

    boolean filtree() {
        return !types.isEmpty() || !themes.isEmpty() || !espaces.isEmpty() || !periodes.isEmpty();
    }

    List<String> filtres(String dimension) {
        return switch (dimension) {
            case Schema.DIM_TYPE -> List.copyOf(types);
            case Schema.DIM_THEME -> List.copyOf(themes);
            case Schema.DIM_ESPACE -> List.copyOf(espaces);
            default -> List.of();
        };
    }
}

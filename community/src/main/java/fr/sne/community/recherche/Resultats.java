package fr.sne.community.recherche;

import java.time.Instant;
import java.util.List;

/**
 * One page of results. Every number here (total, facet counts) counts only what the user may
 * open. Snippets and highlighted titles are HTML: the text escaped, the matches in {@code <mark>}.
 *
 * @param total      matching items the user may open
 * @param page       this page (1-based)
 * @param pages      pages available (capped at {@link Recherche#PAGE_MAX})
 * @param suggestion a corrected query ("Vouliez-vous dire"), or null
 * @param tousLesMots false when no item held every word and items holding some of them are shown
 * @param avis       notices in French about how the query was read (shortened, wildcards...)
 */
public record Resultats(long total, int page, int pages, List<Resultat> resultats, List<Facette> facettes,
                        String suggestion, boolean tousLesMots, List<String> avis) {

    public Resultats {
        resultats = List.copyOf(resultats);
        facettes = List.copyOf(facettes);
        avis = List.copyOf(avis);
    }

    static Resultats aucun(int page, List<String> avis) {
        return new Resultats(0, page, 0, List.of(), List.of(), null, true, avis);
    }

    /** One result; {@code titreHtml} and {@code extraitHtml} are escaped HTML with {@code <mark>}. */
    public record Resultat(String id, String titre, String titreHtml, String extraitHtml, String url, String type,
                           List<String> themes, String espace, Instant date, float score) {
        public Resultat {
            themes = List.copyOf(themes);
        }
    }

    /** A facet: its dimension ({@code type}, {@code theme}, {@code espace}, {@code periode}) and values. */
    public record Facette(String dimension, String libelle, List<Valeur> valeurs) {
        public Facette {
            valeurs = List.copyOf(valeurs);
        }
    }

    /** A facet value, its label, how many visible items it would show, and whether it is selected. */
    public record Valeur(String code, String libelle, long nombre, boolean selectionnee) {
    }
}

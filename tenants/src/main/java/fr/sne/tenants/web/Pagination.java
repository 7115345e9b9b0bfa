package fr.sne.tenants.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The DSFR pagination of a list, shown by the template fragment {@code fragments/pagination ::
 * pagination}: first, previous, a window of five numbered pages, next, last (null links are shown
 * disabled).
 */
public record Pagination(int page, int pages, String premiere, String precedente, String suivante, String derniere,
                         List<Lien> liens) {

    public record Lien(int numero, String url, boolean courante) {
    }

    public static Pagination de(int page, int pages, IntFunction<String> url) {
        List<Lien> liens = new ArrayList<>();
        int debut = Math.max(1, Math.min(page - 2, pages - 4));
        int fin = Math.min(pages, debut + 4);
        for (int p = debut; p <= fin; p++) {
            liens.add(new Lien(p, url.apply(p), p == page));
        }
        return new Pagination(page, pages,
                page > 1 ? url.apply(1) : null, page > 1 ? url.apply(page - 1) : null,
                page < pages ? url.apply(page + 1) : null, page < pages ? url.apply(pages) : null, List.copyOf(liens));
    }
}

package fr.sne.community.info;

import java.util.List;

/** One page of a list and the total count. */
public record Resultats<T>(List<T> elements, long total, int page, int taille) {

    public Resultats {
        elements = List.copyOf(elements);
    }

    public int pages() {
        return (int) Math.max(1, (total + taille - 1) / taille);
    }
}

package fr.sne.community.recherche;

import java.util.Set;

/**
 * What one user may open, as the engine filters it: the {@link Acces} tokens they hold, and for
 * national profiles every territory (a prefix, so a territory created later is covered too).
 */
public record Visibilite(Set<String> jetons, boolean tousTerritoires) {

    public Visibilite {
        jetons = Set.copyOf(jetons);
    }

    /** Anybody: public items only. */
    public static Visibilite publique() {
        return new Visibilite(Set.of(Acces.PUBLIC), false);
    }

    /** Whether an item carrying {@code acces} is visible (the filter's rule, for checks in tests and pages). */
    public boolean voit(Set<String> acces) {
        return acces.stream().anyMatch(a -> jetons.contains(a) || tousTerritoires && a.startsWith(Acces.territoire("")));
    }
}

package fr.sne.bench.pertinence;

import fr.sne.bench.mesure.Banc;
import fr.sne.bench.mesure.Mesure;
import fr.sne.bench.mesure.Scenario;

import java.sql.Connection;
import java.util.Comparator;
import java.util.List;

/**
 * Scenario 4 in the suite: {@link Pertinence} (known-item queries on the legal corpus, seed 8)
 * — the product's search engine against PostgreSQL full-text search, the best of its variants
 * by MRR@10 as the baseline, both built and queried in this run.
 */
public final class ScenarioRecherche implements Scenario {

    private static final long GRAINE = 8;

    @Override
    public String numero() {
        return "4";
    }

    @Override
    public String titre() {
        return "Recherche plein texte (Lucene) contre PostgreSQL FTS";
    }

    @Override
    public List<Mesure> executer(Banc banc) throws Exception {
        List<Pertinence.Mesure> mesures;
        try (Connection c = banc.bd().proprietaire()) {
            mesures = Pertinence.executer(c, banc.echelle().requetesRecherche(), GRAINE, banc.journal());
        }
        Pertinence.Mesure produit = mesures.getFirst();
        Pertinence.Mesure idsSeuls = mesures.get(1);
        Pertinence.Mesure pg = mesures.subList(2, mesures.size()).stream().max(Comparator.comparingDouble(Pertinence.Mesure::mrr))
                .orElseThrow();
        String ref = "PostgreSQL FTS, meilleure variante (" + pg.systeme() + ")";
        String n = " (" + produit.requetes() + " requêtes)";
        return List.of(
                Mesure.de("4", "MRR@10, recherche complète" + n, "", produit.mrr(), pg.mrr(), ref,
                        new Mesure.Objectif("MRR au-dessus de PostgreSQL FTS", Math.nextUp(pg.mrr()), true)),
                Mesure.de("4", "Rappel@10", "", produit.rappel(), pg.rappel(), ref, null),
                Mesure.de("4", "Latence p99, recherche complète (compte, facettes, extraits)", "ms", produit.p99Ms(), pg.p99Ms(), ref,
                        Mesure.Objectif.auPlus(10, "p99 < 10 ms")),
                Mesure.de("4", "Latence p50, recherche complète", "ms", produit.p50Ms(), pg.p50Ms(), ref, null),
                Mesure.de("4", "Latence p99, 10 identifiants seuls (à égalité avec PostgreSQL)", "ms", idsSeuls.p99Ms(), pg.p99Ms(), ref,
                        Mesure.Objectif.auPlus(10, "p99 < 10 ms")));
    }
}

package fr.sne.bench.pertinence;

import fr.sne.devservices.SharedTestServices;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance harness on the embedded PostgreSQL: 500 known-item queries (seed 8) by default,
 * {@code -Dpertinence.requetes=… -Dpertinence.graine=…} to change them. Asserts relevance only
 * (the product's MRR above every PostgreSQL variant); latencies are printed, not asserted.
 */
class PertinenceTest {

    @Test
    void theEngineFindsKnownArticlesBetterThanPostgresFullTextSearch() throws Exception {
        int nombre = Integer.getInteger("pertinence.requetes", 500);
        long graine = Long.getLong("pertinence.graine", 8);
        Map<String, Object> p = SharedTestServices.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"))) {
            List<Pertinence.Mesure> mesures = Pertinence.executer(c, nombre, graine, System.out);
            assertEquals(nombre, mesures.getFirst().requetes());
            Pertinence.Mesure produit = mesures.getFirst();
            assertEquals(produit.mrr(), mesures.get(1).mrr(), 1e-9, "the ids alone are the full search's first page");
            for (Pertinence.Mesure pg : mesures.subList(2, mesures.size())) {
                assertTrue(produit.mrr() > pg.mrr(), produit + " vs " + pg);
                assertTrue(produit.rappel() >= pg.rappel(), produit + " vs " + pg);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameQueries() {
        List<Article> articles = Corpus.lire();
        GenerateurRequetes g = new GenerateurRequetes(articles);
        assertEquals(g.generer(3, 50), g.generer(3, 50));
        assertTrue(!g.generer(3, 50).equals(g.generer(4, 50)));
        assertEquals("logements", GenerateurRequetes.nombreInverse("logement"));
        assertEquals("travail", GenerateurRequetes.nombreInverse("travails"));
        assertEquals("sociaux", GenerateurRequetes.nombreInverse("social"));
        assertEquals("reglementation", GenerateurRequetes.sansAccents("réglementation"));
    }
}

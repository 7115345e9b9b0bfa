package fr.sne.bench.analyse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario 6 of issue #11 at a small scale (prints the table; rounds: {@code -Danalyse.tours=50}).
 * Reads the sample PDFs of the documents module's tests.
 */
class MesureAnalyseTest {

    @Test
    void printsProductAndBaselineThroughput(@TempDir Path dossier) throws Exception {
        List<Path> echantillons = MesureAnalyse.echantillons(Path.of("../documents/src/test/resources/echantillons"));
        assertEquals(3, echantillons.size(), echantillons::toString);
        Map<String, List<Path>> jeux = new LinkedHashMap<>();
        jeux.put("échantillons Tika (3 PDF)", echantillons);
        jeux.put("PDF texte généré, 100 pages", List.of(MesureAnalyse.pdfTexte(dossier, 100)));
        List<MesureAnalyse.Resultat> resultats = new MesureAnalyse().mesurer(jeux, Integer.getInteger("analyse.tours", 10), System.out);
        assertEquals(2, resultats.size());
        assertTrue(resultats.stream().allMatch(r -> r.produit() > 0));
        assertEquals(MesureAnalyse.pdftotextPresent(), resultats.getFirst().reference() != null);
    }
}

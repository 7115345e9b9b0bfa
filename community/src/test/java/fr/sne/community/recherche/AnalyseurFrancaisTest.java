package fr.sne.community.recherche;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnalyseurFrancaisTest {

    private final Analyzer analyseur = new AnalyseurFrancais();

    private List<String> termes(String texte) throws IOException {
        List<String> termes = new ArrayList<>();
        try (TokenStream ts = analyseur.tokenStream("texte", texte)) {
            CharTermAttribute terme = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                termes.add(terme.toString());
            }
            ts.end();
        }
        return termes;
    }

    @Test
    void pluralAndSingularGiveTheSameTerm() throws IOException {
        assertEquals(termes("logement"), termes("logements"));
        assertEquals(termes("aide"), termes("aides"));
        assertEquals(termes("demandeur"), termes("demandeurs"));
        assertEquals(termes("social"), termes("sociaux"));
    }

    @Test
    void accentsAndCaseDoNotMatter() throws IOException {
        assertEquals(termes("réglementation"), termes("reglementation"));
        assertEquals(termes("Réglementation"), termes("REGLEMENTATION"));
        assertEquals(termes("priorité"), termes("priorite"));
        assertEquals(termes("bénéficiaires"), termes("beneficiaire"));
    }

    @Test
    void elisionAndStopWordsAreRemoved() throws IOException {
        assertEquals(termes("habitation"), termes("l'habitation"));
        assertEquals(termes("habitation"), termes("l’habitation"));
        assertEquals(termes("attribution"), termes("d'attribution"));
        assertEquals(termes("code construction habitation"), termes("le code de la construction et de l'habitation"));
    }

    @Test
    void articleNumbersStaySearchable() throws IOException {
        assertEquals(List.of("l441", "1"), termes("L441-1"));
    }
}

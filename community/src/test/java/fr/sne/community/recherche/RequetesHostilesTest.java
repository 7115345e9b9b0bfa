package fr.sne.community.recherche;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever is typed, the answer is results or a French notice, never an exception. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequetesHostilesTest {

    private final MoteurRecherche moteur = Fixtures.moteur();

    @BeforeAll
    void indexer() {
        for (int i = 0; i < 300; i++) {
            moteur.indexer(Fixtures.doc("article:" + i, "Article " + i + " logement aide " + (i % 7),
                    "Texte " + i + " sur les aides au logement, la cotation et les habilitations (mot" + i + ")."));
        }
        moteur.attendreVisibilite();
    }

    @AfterAll
    void fermer() {
        moteur.close();
    }

    static List<String> hostiles() {
        List<String> q = new ArrayList<>(List.of(
                "\"logement", "logement\"", "\"\"", "\"", "((logement", "logement))", ")(", "AND OR", "AND", "OR NOT",
                "titre:", "titre:logement", ":", "texte:\"aide", "logement^10", "logement~2", "a~", "[a TO z]", "{*}",
                "*", "**", "*a*", "?", "?ogement", "*ogement", "lo*ement", "a*", "l*", "-", "--", "-logement", "- -aide",
                "+", "+logement +", "!", "\\", "\\\"", "/regex.*/", "&&", "||", "@#%$", "null", "   ", "",
                "'", "l'", "d’", "«", "« logement", "logement »", "%", "%%20", "<script>alert(1)</script>",
                "' OR 1=1 --", "logement\u0000aide", "\u200b", "🏠 logement", "ـــ", "ß", "ǅ", "ﬁ"));
        q.add("logement ".repeat(2_000));
        q.add(IntStream.range(0, 5_000).mapToObj(i -> "mot" + i).collect(Collectors.joining(" ")));
        q.add(IntStream.range(0, 1_000).mapToObj(i -> "mo" + (char) ('a' + i % 26) + "*").collect(Collectors.joining(" ")));
        q.add("\"" + "aide logement ".repeat(500) + "\"");
        q.add("(".repeat(5_000));
        q.add("*".repeat(5_000));
        q.add("x".repeat(100_000));
        return q;
    }

    @ParameterizedTest
    @MethodSource("hostiles")
    void answeredWithoutAnException(String saisie) {
        Resultats r = assertDoesNotThrow(() -> moteur.rechercher(Recherche.de(saisie), Visibilite.publique()));
        assertTrue(r.total() >= 0);
        assertTrue(r.resultats().size() <= Recherche.PAR_PAGE);
        r.avis().forEach(a -> assertFalse(a.isBlank()));
    }

    @Test
    void longQueriesAreShortenedWithANotice() {
        Resultats r = moteur.rechercher(Recherche.de("logement ".repeat(2_000)), Visibilite.publique());
        assertEquals(300, r.total());
        assertTrue(r.avis().stream().anyMatch(a -> a.contains("raccourcie")), r.avis().toString());
        Resultats mots = moteur.rechercher(Recherche.de(IntStream.range(0, 40).mapToObj(i -> "mot" + i).collect(Collectors.joining(" "))),
                Visibilite.publique());
        assertTrue(mots.avis().stream().anyMatch(a -> a.contains("premiers mots")), mots.avis().toString());
    }

    @Test
    void wildcardsEverywhereAreExplainedNotExpanded() {
        for (String s : List.of("*", "*a*", "a*", "?ogement")) {
            Resultats r = moteur.rechercher(Recherche.de(s), Visibilite.publique());
            assertTrue(r.total() == 0 || s.equals("?ogement"), s + " → " + r.total());
        }
        Resultats etoile = moteur.rechercher(Recherche.de("*a*"), Visibilite.publique());
        assertTrue(etoile.avis().stream().anyMatch(a -> a.contains("astérisque")), etoile.avis().toString());
        // a prefix with enough letters works
        assertEquals(300, moteur.rechercher(Recherche.de("habil*"), Visibilite.publique()).total());
    }

    @Test
    void syntaxIsReadAsWords() {
        assertEquals(300, moteur.rechercher(Recherche.de("titre:logement"), Visibilite.publique()).total());
        assertEquals(300, moteur.rechercher(Recherche.de("((logement AND aide"), Visibilite.publique()).total());
        assertEquals(300, moteur.rechercher(Recherche.de("\"logement"), Visibilite.publique()).total());
        Resultats unSeul = moteur.rechercher(Recherche.de("mot42"), Visibilite.publique());
        assertEquals(Set.of("article:42"), Set.copyOf(unSeul.resultats().stream().map(Resultats.Resultat::id).toList()));
    }

    @Test
    void deepPagesAreCapped() {
        Resultats r = moteur.rechercher(Recherche.de("logement").page(10_000), Visibilite.publique());
        assertEquals(Recherche.PAGE_MAX, r.page());
        assertEquals(30, r.pages());
        assertEquals(List.of(), r.resultats());
    }
}

package fr.sne.community.recherche;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 16,074 articles of the legal corpus, rebuilt into the engine: known articles are found by a few words. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusTest {

    private final MoteurRecherche moteur = Fixtures.moteur();

    @BeforeAll
    void charger() {
        MoteurRecherche.Bilan bilan = moteur.reconstruire(List.of(new CorpusJuridique()));
        System.out.printf("Corpus : %d articles indexés en %d ms%n", bilan.documents(), bilan.millisecondes());
        assertEquals(16_074, bilan.documents());
        assertEquals(16_074, moteur.taille());
    }

    @AfterAll
    void fermer() {
        moteur.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "usage de la langue française échanges public administration | LEGIARTI000031367318 | 3",
            "langue francaise echanges public administration | LEGIARTI000031367318 | 3",
            "offices habitations loyer modéré gérance | CCH L442-9 | 3",
            "office habitation loyers modérés mise en gérance | CCH L442-9 | 3",
            "article L442-9 construction habitation | CCH L442-9 | 1",
            "activite partielle donnees a caractere personnel enregistrees | CT R5122-21 | 10",
            "\"grille nationale\" dépendance Mayotte | CASF L545-2 | 5",
            "copropriete desordres parties communes | CCH R511-6 | 10"})
    void aKnownArticleIsFoundByAFewWords(String requete, String article, int rang) {
        Resultats r = moteur.rechercher(Recherche.de(requete), Visibilite.publique());
        List<String> titres = r.resultats().stream().map(x -> x.id() + " " + x.titre()).toList();
        int position = -1;
        for (int i = 0; i < titres.size(); i++) {
            if (article.startsWith("LEGI") ? titres.get(i).contains(article) : titres.get(i).contains(titreDe(article))) {
                position = i + 1;
                break;
            }
        }
        assertTrue(position > 0 && position <= rang, requete + " → " + article + " at " + position + " in " + titres);
    }

    private static String titreDe(String article) {
        String[] p = article.split(" ");
        String code = switch (p[0]) {
            case "CCH" -> "Code de la construction et de l'habitation";
            case "CT" -> "Code du travail";
            case "CASF" -> "Code de l'action sociale et des familles";
            default -> "Code des relations entre le public et l'administration";
        };
        return code + " - Article " + p[1] + " ";
    }
}

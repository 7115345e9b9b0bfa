package fr.sne.community.recherche;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person typing French words gets: stems, accents, phrases, prefixes, snippets, suggestions, pages, facets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RechercheTest {

    private final MoteurRecherche moteur = Fixtures.moteur();
    private final Visibilite publique = Visibilite.publique();

    @BeforeAll
    void indexer() {
        moteur.indexer(Fixtures.doc("article:1", "Réglementation du logement social",
                "Les demandeurs d'un logement social sont enregistrés dans le système national d'enregistrement."));
        moteur.indexer(Fixtures.doc("article:2", "Cotation de la demande",
                "La cotation attribue des points aux demandes selon des critères de priorité définis par l'EPCI."));
        moteur.indexer(Fixtures.doc("article:3", "Habilitations des guichets",
                "Chaque habilitation donne un profil sur un guichet enregistreur. Les habilitations sont revues chaque année."));
        moteur.indexer(Fixtures.doc("article:4", "Sécurité <script>alert(1)</script>",
                "Un texte avec des balises <b>HTML</b> & des esperluettes, sur la sécurité des comptes."));
        moteur.indexer(Fixtures.doc("article:5", "Renouvellement annuel",
                "Le renouvellement de la demande de logement intervient chaque année avant la date anniversaire."));
        moteur.indexer(Fixtures.doc("faq:1", "faq", "Comment renouveler ?", "Renouveler sa demande en ligne sur le portail grand public.",
                Set.of(Acces.PUBLIC), "portail"));
        moteur.attendreVisibilite();
    }

    @AfterAll
    void fermer() {
        moteur.close();
    }

    private List<String> ids(String texte) {
        return moteur.rechercher(Recherche.de(texte), publique).resultats().stream().map(Resultats.Resultat::id).toList();
    }

    @Test
    void pluralsAndMissingAccentsFindTheSameItems() {
        assertEquals(List.of("article:1"), ids("reglementation"));
        assertEquals(List.of("article:1"), ids("Réglementation"));
        assertTrue(ids("logements").contains("article:1"), "logements finds logement");
        assertEquals(ids("logement"), ids("logements"));
        assertEquals(ids("securite"), ids("sécurités"));
        assertTrue(ids("l'habilitation").contains("article:3"));
    }

    @Test
    void theTitleWeighsMoreThanTheText() {
        // "logement" is in the title of 1 and only in the text of 5
        List<String> ids = ids("logement");
        assertEquals("article:1", ids.getFirst(), ids.toString());
        assertTrue(ids.contains("article:5"));
    }

    @Test
    void everyWordIsRequiredThenAnyAsAFallback() {
        Resultats tous = moteur.rechercher(Recherche.de("demande cotation"), publique);
        assertEquals(List.of("article:2"), tous.resultats().stream().map(Resultats.Resultat::id).toList());
        assertTrue(tous.tousLesMots());
        Resultats certains = moteur.rechercher(Recherche.de("cotation xylophone"), publique);
        assertFalse(certains.tousLesMots());
        assertEquals("article:2", certains.resultats().getFirst().id());
    }

    @Test
    void phrasesPrefixesAndExclusions() {
        assertEquals(List.of("article:1"), ids("\"logement social\""));
        assertEquals(List.of(), ids("\"social logement\""));
        assertEquals(List.of("article:3"), ids("habilit*"));
        assertEquals(List.of("article:3"), ids("HABILIT*"));
        List<String> renouvellement = ids("renouvel*");
        assertTrue(renouvellement.containsAll(List.of("article:5", "faq:1")), renouvellement.toString());
        assertEquals(List.of("article:5"), ids("renouvel* -portail"));
    }

    @Test
    void snippetsAreEscapedHtmlWithTheMatchesMarked() {
        Resultats.Resultat r = moteur.rechercher(Recherche.de("sécurité"), publique).resultats().getFirst();
        assertEquals("article:4", r.id());
        assertTrue(r.titreHtml().contains("<mark>Sécurité</mark>"), r.titreHtml());
        assertTrue(r.titreHtml().contains("&lt;script&gt;"), r.titreHtml());
        assertFalse(r.titreHtml().contains("<script>"), r.titreHtml());
        assertTrue(r.extraitHtml().contains("&lt;b&gt;HTML&lt;&#x2F;b&gt; &amp; des esperluettes"), r.extraitHtml());
        assertTrue(r.extraitHtml().contains("<mark>sécurité</mark>"), r.extraitHtml());
        assertEquals("Sécurité <script>alert(1)</script>", r.titre());

        Resultats.Resultat stem = moteur.rechercher(Recherche.de("demandeur"), publique).resultats().getFirst();
        assertTrue(stem.extraitHtml().contains("<mark>demandeurs</mark>"), stem.extraitHtml());
    }

    @Test
    void aMisspelledWordGetsASuggestion() {
        Resultats r = moteur.rechercher(Recherche.de("reglementasion"), publique);
        assertEquals(0, r.total());
        assertEquals("réglementation", r.suggestion());
        Resultats deux = moteur.rechercher(Recherche.de("cotasion demande"), publique);
        assertEquals("cotation demande", deux.suggestion());
        assertNull(moteur.rechercher(Recherche.de("cotation"), publique).suggestion());
    }

    @Test
    void aLongAttachmentsTextIsSearchedWhole() {
        // e.g. the text Tika extracted from a 60-page PDF: the last page's words are found too
        String texte = "Guide d'utilisation du module de cotation. " + "Paragraphe sans intérêt particulier. ".repeat(5_000)
                + "Annexe finale : procédure de réclamation quinquennale.";
        moteur.indexer(Fixtures.doc("document:long", "Guide complet (PDF)", texte));
        moteur.attendreVisibilite();
        Resultats r = moteur.rechercher(Recherche.de("réclamation quinquennale"), publique);
        assertEquals(List.of("document:long"), r.resultats().stream().map(Resultats.Resultat::id).toList());
        // the snippet then shows the text's beginning, bounded
        assertTrue(r.resultats().getFirst().extraitHtml().startsWith("Guide d&#x27;utilisation"), r.resultats().getFirst().extraitHtml());
        assertTrue(r.resultats().getFirst().extraitHtml().length() < 1_000);
        moteur.supprimer("document:long");
        moteur.attendreVisibilite();
    }

    @Test
    void stopWordsAloneFindNothingWithAnExplanation() {
        Resultats r = moteur.rechercher(Recherche.de("le la les de"), publique);
        assertEquals(0, r.total());
        assertFalse(r.avis().isEmpty());
    }

    @Test
    void pagesOfTenAndFacets() {
        MoteurRecherche m = Fixtures.moteur();
        try {
            IntStream.range(0, 25).forEach(i -> m.indexer(new DocumentIndexe("guide:" + i, i % 5 == 0 ? "faq" : "guide",
                    "Guide numéro " + i, "Un guide sur la cotation " + i, List.of("cotation", i % 2 == 0 ? "sne" : "interfaces"),
                    null, Fixtures.MAINTENANT.minus(Duration.ofDays(40L * i)), "/info/guides/" + i, Set.of(Acces.PUBLIC))));
            m.attendreVisibilite();
            Resultats page1 = m.rechercher(Recherche.de("guide"), publique);
            assertEquals(25, page1.total());
            assertEquals(3, page1.pages());
            assertEquals(10, page1.resultats().size());
            Resultats page3 = m.rechercher(Recherche.de("guide").page(3), publique);
            assertEquals(5, page3.resultats().size());
            assertEquals(3, page3.page());

            Resultats.Facette types = facette(page1, "type");
            assertEquals(List.of(new Resultats.Valeur("guide", "Guide", 20, false), new Resultats.Valeur("faq", "Question fréquente", 5, false)),
                    types.valeurs());
            assertEquals(25, nombre(page1, "theme", "cotation"));
            assertEquals(13, nombre(page1, "theme", "sne"));
            // dates: days 0 (today)…960; one month = day 0 only; up to a year: days 40…360 → 9
            assertEquals(1, nombre(page1, "periode", "mois"));
            assertEquals(9, nombre(page1, "periode", "annee"));

            // a selected type: results narrow, the type's own counts stay (checkboxes), other dimensions follow
            Resultats faq = m.rechercher(Recherche.de("guide").types("faq"), publique);
            assertEquals(5, faq.total());
            assertEquals(20, nombre(faq, "type", "guide"));
            assertTrue(facette(faq, "type").valeurs().stream().anyMatch(v -> v.code().equals("faq") && v.selectionnee()));
            assertEquals(5, nombre(faq, "theme", "cotation"));
            // filters alone (no words): newest first
            Resultats sansTexte = m.rechercher(new Recherche("", Set.of("faq"), Set.of(), Set.of(), Set.of(), 1, Recherche.Tri.PERTINENCE), publique);
            assertEquals(List.of("guide:0", "guide:5", "guide:10", "guide:15", "guide:20"),
                    sansTexte.resultats().stream().map(Resultats.Resultat::id).toList());
            Resultats recent = m.rechercher(new Recherche("guide", Set.of(), Set.of(), Set.of(), Set.of(Periode.MOIS), 1, Recherche.Tri.PERTINENCE), publique);
            assertEquals(List.of("guide:0"), recent.resultats().stream().map(Resultats.Resultat::id).toList());
        } finally {
            m.close();
        }
    }

    static Resultats.Facette facette(Resultats r, String dimension) {
        return r.facettes().stream().filter(f -> f.dimension().equals(dimension)).findFirst()
                .orElseThrow(() -> new AssertionError("no facet " + dimension + " in " + r.facettes()));
    }

    static long nombre(Resultats r, String dimension, String code) {
        return r.facettes().stream().filter(f -> f.dimension().equals(dimension)).flatMap(f -> f.valeurs().stream())
                .filter(v -> v.code().equals(code)).mapToLong(Resultats.Valeur::nombre).findFirst().orElse(0);
    }
}

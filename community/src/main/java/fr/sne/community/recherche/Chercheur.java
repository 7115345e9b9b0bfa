package fr.sne.community.recherche;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One search on one searcher: the user's visibility as a filter clause of the query itself (so
 * hits, totals, facet counts and the spelling suggestion only ever count what they may open),
 * facets counted "sideways" (a dimension's counts ignore its own selection, as checkboxes need),
 * highlighted snippets, and a suggestion when nothing or not every word was found.
 */
final class Chercheur {

    private static final Locale FR = Locale.FRENCH;
    private static final int VALEURS_MAX = 30;
    private static final String DIM_PERIODE = "periode";
    /** Snippets come from the text's stored beginning (a long attachment is searched whole, not scanned for them). */
    private static final int SURLIGNAGE_MAX = Schema.TEXTE_STOCKE_MAX;
    /** The stored fields a result shows (the text, last and longest, is left compressed). */
    private static final Set<String> CHAMPS_RESULTAT = Set.of(Schema.ID, Schema.TITRE, Schema.TYPE, Schema.THEME, Schema.ESPACE,
            Schema.DATE, Schema.URL);
    private static final int EXTRAIT = 200;

    private final Schema schema;
    private final Reglages reglages;
    private final ConstructeurRequete constructeur;
    private final Libelles libelles;
    private final Clock clock;
    private final DirectSpellChecker orthographe = new DirectSpellChecker();

    Chercheur(Schema schema, Reglages reglages, Libelles libelles, Clock clock) {
        this.schema = schema;
        this.reglages = reglages;
        this.constructeur = new ConstructeurRequete(schema, reglages);
        this.libelles = libelles;
        this.clock = clock;
        orthographe.setMinQueryLength(3);
    }

    /** The visibility filter: any of the user's tokens, and every territory for national profiles. */
    static Query filtre(Visibilite visibilite) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermInSetQuery(Schema.ACCES, visibilite.jetons().stream().map(BytesRef::new).toList()), BooleanClause.Occur.SHOULD);
        if (visibilite.tousTerritoires()) {
            b.add(new PrefixQuery(new Term(Schema.ACCES, Acces.territoire(""))), BooleanClause.Occur.SHOULD);
        }
        return b.setMinimumNumberShouldMatch(1).build();
    }

    Resultats chercher(IndexLocal.Lecteur lecteur, Recherche recherche, Visibilite visibilite) throws IOException {
        RequeteAnalysee requete = RequeteAnalysee.lire(recherche.texte());
        List<String> avis = new ArrayList<>(requete.avis());
        boolean sansTexte = requete.elements().isEmpty();
        if (sansTexte && !recherche.filtree()) {
            return Resultats.aucun(recherche.page(), avis);
        }
        if (!sansTexte && requete.vide()) {
            return Resultats.aucun(recherche.page(), avis);
        }
        // a searcher of its own for the time limit; the reader (and its facet state) is shared
        IndexSearcher searcher = new IndexSearcher(lecteur.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(reglages.delaiMs()));
        Instant maintenant = clock.instant();
        Query visible = filtre(visibilite);
        Map<String, Query> filtres = filtres(recherche, maintenant);

        boolean tous = true;
        Query texte = sansTexte ? new MatchAllDocsQuery() : constructeur.construire(requete, true);
        if (texte == null) {
            avis.add("Les mots saisis sont trop courants pour être recherchés : précisez votre recherche.");
            return Resultats.aucun(recherche.page(), avis);
        }
        int n = recherche.page() * Recherche.PAR_PAGE;
        Sort tri = sansTexte || recherche.tri() == Recherche.Tri.DATE ? parDate() : null;
        FacetsCollectorManager.FacetsResult trouve = chercher(searcher, assembler(texte, visible, filtres, null), n, tri);
        long total = total(trouve.facetsCollector());
        if (total == 0 && positifs(requete) > 1) {
            // no item holds every word: show those holding some of them, best first
            Query certains = constructeur.construire(requete, false);
            FacetsCollectorManager.FacetsResult autre = chercher(searcher, assembler(certains, visible, filtres, null), n, tri);
            long totalAutre = total(autre.facetsCollector());
            if (totalAutre > 0) {
                texte = certains;
                trouve = autre;
                total = totalAutre;
                tous = false;
            }
        }
        List<Resultats.Facette> facettes = facettes(searcher, lecteur.facettes(), recherche, texte, visible, filtres,
                trouve.facetsCollector(), maintenant);
        // snippets mark the elements' matches (not the proximity clause: its spans cost more than they show)
        Query surligner = sansTexte ? texte : constructeur.construireSurlignage(requete);
        List<Resultats.Resultat> resultats = resultats(searcher, surligner == null ? texte : surligner, trouve.topDocs(), recherche.page());
        String suggestion = !sansTexte && (total == 0 || !tous) ? suggestion(searcher, requete, visible) : null;
        if (searcher.timedOut()) {
            avis.add("La recherche a été interrompue car elle prenait trop de temps : les résultats peuvent être incomplets.");
        }
        int pages = (int) Math.min(Recherche.PAGE_MAX, (total + Recherche.PAR_PAGE - 1) / Recherche.PAR_PAGE);
        return new Resultats(total, recherche.page(), pages, resultats, facettes, suggestion, tous, avis);
    }

    /**
     * The ids of one page of results, nothing else (no count, facets, snippets nor suggestion): for
     * features that only need what matches, and to measure the engine's core against other systems.
     */
    List<String> identifiants(IndexLocal.Lecteur lecteur, Recherche recherche, Visibilite visibilite) throws IOException {
        RequeteAnalysee requete = RequeteAnalysee.lire(recherche.texte());
        Query texte = constructeur.construire(requete, true);
        if (texte == null) {
            return List.of();
        }
        IndexSearcher searcher = new IndexSearcher(lecteur.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(reglages.delaiMs()));
        Query visible = filtre(visibilite);
        Map<String, Query> filtres = filtres(recherche, clock.instant());
        int n = recherche.page() * Recherche.PAR_PAGE;
        TopDocs top = searcher.search(assembler(texte, visible, filtres, null), n);
        if (top.scoreDocs.length == 0 && positifs(requete) > 1) {
            top = searcher.search(assembler(constructeur.construire(requete, false), visible, filtres, null), n);
        }
        StoredFields stockes = searcher.storedFields();
        List<String> ids = new ArrayList<>();
        for (int i = (recherche.page() - 1) * Recherche.PAR_PAGE; i < top.scoreDocs.length; i++) {
            DocumentStoredFieldVisitor id = new DocumentStoredFieldVisitor(Schema.ID) {
                @Override
                public Status needsField(FieldInfo fieldInfo) throws IOException {
                    // the id is the first stored field
                    return Schema.ID.equals(fieldInfo.name) ? Status.YES : Status.STOP;
                }
            };
            stockes.document(top.scoreDocs[i].doc, id);
            ids.add(id.getDocument().get(Schema.ID));
        }
        return ids;
    }

    private static FacetsCollectorManager.FacetsResult chercher(IndexSearcher searcher, Query q, int n, Sort tri) throws IOException {
        return tri == null
                ? FacetsCollectorManager.search(searcher, q, n, new FacetsCollectorManager())
                : FacetsCollectorManager.search(searcher, q, n, tri, true, new FacetsCollectorManager());
    }

    private static Sort parDate() {
        SortField date = new SortField(Schema.DATE, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        return new Sort(date, SortField.FIELD_SCORE);
    }

    private static long total(FacetsCollector fc) {
        return fc.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    }

    private static int positifs(RequeteAnalysee requete) {
        return (int) requete.elements().stream().filter(e -> !e.exclu()).count();
    }

    /** Each dimension's selection as one filter (values of one dimension: any of them). */
    private static Map<String, Query> filtres(Recherche recherche, Instant maintenant) {
        Map<String, Query> filtres = new LinkedHashMap<>();
        terms(filtres, Schema.DIM_TYPE, Schema.TYPE, recherche.types());
        terms(filtres, Schema.DIM_THEME, Schema.THEME, recherche.themes());
        terms(filtres, Schema.DIM_ESPACE, Schema.ESPACE, recherche.espaces());
        if (!recherche.periodes().isEmpty()) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Periode p : recherche.periodes()) {
                b.add(LongPoint.newRangeQuery(Schema.DATE, p.debut(maintenant), p.fin(maintenant)), BooleanClause.Occur.SHOULD);
            }
            filtres.put(DIM_PERIODE, b.setMinimumNumberShouldMatch(1).build());
        }
        return filtres;
    }

    private static void terms(Map<String, Query> filtres, String dimension, String champ, Set<String> valeurs) {
        if (!valeurs.isEmpty()) {
            filtres.put(dimension, new TermInSetQuery(champ, valeurs.stream().map(BytesRef::new).toList()));
        }
    }

    /** The text query, the visibility filter and every dimension's filter except {@code sauf}. */
    private static Query assembler(Query texte, Query visible, Map<String, Query> filtres, String sauf) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(texte, BooleanClause.Occur.MUST).add(visible, BooleanClause.Occur.FILTER);
        filtres.forEach((dimension, filtre) -> {
            if (!dimension.equals(sauf)) {
                b.add(filtre, BooleanClause.Occur.FILTER);
            }
        });
        return b.build();
    }

    private List<Resultats.Facette> facettes(IndexSearcher searcher, SortedSetDocValuesReaderState etat, Recherche recherche,
                                             Query texte, Query visible, Map<String, Query> filtres, FacetsCollector tout,
                                             Instant maintenant) throws IOException {
        List<Resultats.Facette> facettes = new ArrayList<>();
        for (String dimension : List.of(Schema.DIM_TYPE, Schema.DIM_THEME, Schema.DIM_ESPACE)) {
            List<String> choisies = recherche.filtres(dimension);
            Map<String, Long> nombres = new LinkedHashMap<>();
            if (etat != null) {
                FacetsCollector fc = choisies.isEmpty() ? tout : collecter(searcher, assembler(texte, visible, filtres, dimension));
                FacetResult r = topValeurs(new SortedSetDocValuesFacetCounts(etat, fc), dimension);
                if (r != null) {
                    for (LabelAndValue lv : r.labelValues) {
                        nombres.put(lv.label, lv.value.longValue());
                    }
                }
            }
            // a selected value stays on screen (to be unticked) even when nothing is left under it
            choisies.forEach(c -> nombres.putIfAbsent(c, 0L));
            if (!nombres.isEmpty()) {
                List<Resultats.Valeur> valeurs = nombres.entrySet().stream()
                        .map(e -> new Resultats.Valeur(e.getKey(), libelles.valeur(dimension, e.getKey()), e.getValue(), choisies.contains(e.getKey())))
                        .sorted(Comparator.comparingLong(Resultats.Valeur::nombre).reversed().thenComparing(Resultats.Valeur::libelle))
                        .toList();
                facettes.add(new Resultats.Facette(dimension, libelles.dimension(dimension), valeurs));
            }
        }
        FacetsCollector fc = recherche.periodes().isEmpty() ? tout : collecter(searcher, assembler(texte, visible, filtres, DIM_PERIODE));
        LongRange[] plages = Arrays.stream(Periode.values())
                .map(p -> new LongRange(p.code(), p.debut(maintenant), true, p.fin(maintenant), true)).toArray(LongRange[]::new);
        FacetResult dates = new LongRangeFacetCounts(Schema.DATE, fc, plages).getAllChildren(Schema.DATE);
        List<Resultats.Valeur> valeurs = new ArrayList<>();
        for (LabelAndValue lv : dates.labelValues) {
            Periode p = Periode.deCode(lv.label).orElseThrow();
            boolean choisie = recherche.periodes().contains(p);
            if (lv.value.longValue() > 0 || choisie) {
                valeurs.add(new Resultats.Valeur(p.code(), p.libelle(), lv.value.longValue(), choisie));
            }
        }
        if (!valeurs.isEmpty()) {
            facettes.add(new Resultats.Facette(DIM_PERIODE, libelles.dimension(DIM_PERIODE), valeurs));
        }
        return facettes;
    }

    private static FacetResult topValeurs(Facets facets, String dimension) throws IOException {
        try {
            return facets.getTopChildren(VALEURS_MAX, dimension);
        } catch (IllegalArgumentException e) {
            // no document carries this dimension yet
            return null;
        }
    }

    private static FacetsCollector collecter(IndexSearcher searcher, Query q) throws IOException {
        return searcher.search(q, new FacetsCollectorManager());
    }

    private List<Resultats.Resultat> resultats(IndexSearcher searcher, Query surligner, TopDocs top, int page) throws IOException {
        int debut = (page - 1) * Recherche.PAR_PAGE;
        if (debut >= top.scoreDocs.length) {
            return List.of();
        }
        ScoreDoc[] tranche = Arrays.copyOfRange(top.scoreDocs, debut, top.scoreDocs.length);
        int[] docs = Arrays.stream(tranche).mapToInt(sd -> sd.doc).toArray();
        Map<String, String[]> surlignes = surligneur(searcher).highlightFields(new String[]{Schema.TITRE, Schema.TEXTE}, surligner,
                docs, new int[]{1, 2});
        StoredFields stockes = searcher.storedFields();
        List<Resultats.Resultat> resultats = new ArrayList<>();
        for (int i = 0; i < tranche.length; i++) {
            DocumentStoredFieldVisitor champs = new DocumentStoredFieldVisitor(CHAMPS_RESULTAT) {
                @Override
                public Status needsField(FieldInfo fieldInfo) throws IOException {
                    return Schema.TEXTE.equals(fieldInfo.name) ? Status.STOP : super.needsField(fieldInfo);
                }
            };
            stockes.document(tranche[i].doc, champs);
            Document doc = champs.getDocument();
            String titre = doc.get(Schema.TITRE);
            IndexableField date = doc.getField(Schema.DATE);
            String titreHtml = surlignes.get(Schema.TITRE)[i];
            String extrait = surlignes.get(Schema.TEXTE)[i];
            resultats.add(new Resultats.Resultat(doc.get(Schema.ID), titre,
                    titreHtml == null ? echapper(titre) : titreHtml, extrait == null ? "" : extrait,
                    doc.get(Schema.URL), doc.get(Schema.TYPE), List.of(doc.getValues(Schema.THEME)), doc.get(Schema.ESPACE),
                    date == null ? null : Instant.ofEpochMilli(date.numericValue().longValue()),
                    Float.isNaN(tranche[i].score) ? 0f : tranche[i].score));
        }
        return resultats;
    }

    private UnifiedHighlighter surligneur(IndexSearcher searcher) {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, schema.analyseur())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(SURLIGNAGE_MAX)
                .withHighlightPhrasesStrictly(true)
                .withHandleMultiTermQuery(true);
        return new UnifiedHighlighter(b) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                // the title as a whole; in the text, passages of about 200 characters around the matches, cut between
                // words (legal sentences can run for pages)
                return Schema.TITRE.equals(field) ? new WholeBreakIterator()
                        : LengthGoalBreakIterator.createClosestToLength(new CustomSeparatorBreakIterator(' '), EXTRAIT, 0.3f);
            }
        };
    }

    static String echapper(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * "Vouliez-vous dire": each word the user may find nowhere is replaced by the closest word of
     * the index they may find; the corrected query is offered only if it finds something they may
     * open (so a word of an item they cannot see is never revealed).
     */
    private String suggestion(IndexSearcher searcher, RequeteAnalysee requete, Query visible) throws IOException {
        List<RequeteAnalysee.Element> corriges = new ArrayList<>();
        boolean change = false;
        for (RequeteAnalysee.Element e : requete.elements()) {
            if (!(e instanceof RequeteAnalysee.Mot m) || e.exclu() || !m.texte().chars().allMatch(Character::isLetter)
                    || trouve(searcher, e, visible)) {
                corriges.add(e);
                continue;
            }
            RequeteAnalysee.Element remplacant = e;
            SuggestWord[] proches = orthographe.suggestSimilar(new Term(Schema.ORTHOGRAPHE, m.texte().toLowerCase(FR)), 5,
                    searcher.getIndexReader(), SuggestMode.SUGGEST_ALWAYS);
            for (SuggestWord s : proches) {
                RequeteAnalysee.Mot candidat = new RequeteAnalysee.Mot(s.string, false);
                // the word as written must come from an item the user may open, not only its stem
                Query ecrit = new TermQuery(new Term(Schema.ORTHOGRAPHE, s.string));
                if (searcher.count(assembler(ecrit, visible, Map.of(), null)) > 0 && trouve(searcher, candidat, visible)) {
                    remplacant = candidat;
                    change = true;
                    break;
                }
            }
            corriges.add(remplacant);
        }
        if (!change) {
            return null;
        }
        RequeteAnalysee corrigee = new RequeteAnalysee(corriges, List.of());
        Query q = constructeur.construire(corrigee, true);
        return q != null && searcher.count(assembler(q, visible, Map.of(), null)) > 0 ? corrigee.texte() : null;
    }

    private boolean trouve(IndexSearcher searcher, RequeteAnalysee.Element e, Query visible) throws IOException {
        Query q = constructeur.element(e);
        return q == null || searcher.count(assembler(q, visible, Map.of(), null)) > 0;
    }

    static Collection<String> dimensions() {
        return List.of(Schema.DIM_TYPE, Schema.DIM_THEME, Schema.DIM_ESPACE, DIM_PERIODE);
    }
}

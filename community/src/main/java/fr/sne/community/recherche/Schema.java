package fr.sne.community.recherche;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The index's fields and how a {@link DocumentIndexe} becomes a Lucene document. */
final class Schema {

    static final String ID = "id";
    static final String TITRE = "titre";
    static final String TEXTE = "texte";
    /** Title and text as written, for the spelling suggestion only. */
    static final String ORTHOGRAPHE = "orthographe";
    static final String TYPE = "type";
    static final String THEME = "theme";
    static final String ESPACE = "espace";
    static final String DATE = "date";
    static final String URL = "url";
    static final String ACCES = "acces";

    /** Facet dimensions (sorted-set doc values), in the order the page shows them. */
    static final String DIM_TYPE = "type";
    static final String DIM_THEME = "theme";
    static final String DIM_ESPACE = "espace";

    /** Longest text kept for snippets (its beginning); the whole text is searchable. */
    static final int TEXTE_STOCKE_MAX = 20_000;

    private static final FieldType TEXTE_AVEC_POSITIONS = texteAvecPositions(true);
    private static final FieldType TEXTE_NON_STOCKE = texteAvecPositions(false);

    private final FacetsConfig facettes = new FacetsConfig();
    private final Analyzer analyseur;
    private final Analyzer analyseurIndexation;

    Schema() {
        facettes.setMultiValued(DIM_THEME, true);
        analyseur = new AnalyseurFrancais();
        analyseurIndexation = new PerFieldAnalyzerWrapper(analyseur, Map.of(ORTHOGRAPHE, new AnalyseurOrthographe()));
    }

    FacetsConfig facettes() {
        return facettes;
    }

    /** The searched fields' analyzer (queries, highlighting). */
    Analyzer analyseur() {
        return analyseur;
    }

    /** The writer's analyzer: French for the searched fields, words as written for spelling. */
    Analyzer analyseurIndexation() {
        return analyseurIndexation;
    }

    static Term cle(String id) {
        return new Term(ID, id);
    }

    Document document(DocumentIndexe d) {
        if (d.id() == null || d.id().isBlank()) {
            throw new IllegalArgumentException("Un document indexé doit avoir un identifiant");
        }
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        String titre = d.titre() == null ? "" : d.titre();
        String texte = d.texte() == null ? "" : d.texte();
        doc.add(new Field(TITRE, titre, TEXTE_AVEC_POSITIONS));
        if (d.type() != null && !d.type().isBlank()) {
            doc.add(new StringField(TYPE, d.type(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(DIM_TYPE, d.type()));
        }
        Set<String> themes = new LinkedHashSet<>(d.themes() == null ? Set.of() : d.themes());
        themes.removeIf(t -> t == null || t.isBlank());
        for (String theme : themes) {
            doc.add(new StringField(THEME, theme, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(DIM_THEME, theme));
        }
        if (d.espace() != null && !d.espace().isBlank()) {
            doc.add(new StringField(ESPACE, d.espace(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(DIM_ESPACE, d.espace()));
        }
        if (d.date() != null) {
            long millis = d.date().toEpochMilli();
            doc.add(new LongPoint(DATE, millis));
            doc.add(new NumericDocValuesField(DATE, millis));
            doc.add(new StoredField(DATE, millis));
        }
        if (d.url() != null) {
            doc.add(new StoredField(URL, d.url()));
        }
        // no token, nobody sees it: an item without access rules is never public by accident
        for (String jeton : d.acces() == null ? Set.<String>of() : d.acces()) {
            if (jeton != null && !jeton.isBlank()) {
                doc.add(new StringField(ACCES, jeton, Field.Store.NO));
            }
        }
        doc.add(new TextField(ORTHOGRAPHE, titre, Field.Store.NO));
        doc.add(new TextField(ORTHOGRAPHE, texte, Field.Store.NO));
        // the text comes last among the stored fields: a result's other fields are read without decompressing it;
        // the whole text is searchable, only its beginning is stored for the snippets
        if (texte.length() > TEXTE_STOCKE_MAX) {
            doc.add(new Field(TEXTE, texte.substring(0, TEXTE_STOCKE_MAX), TEXTE_AVEC_POSITIONS));
            doc.add(new Field(TEXTE, texte.substring(TEXTE_STOCKE_MAX), TEXTE_NON_STOCKE));
        } else {
            doc.add(new Field(TEXTE, texte, TEXTE_AVEC_POSITIONS));
        }
        try {
            return facettes.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType texteAvecPositions(boolean stocke) {
        FieldType type = new FieldType(stocke ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
        // offsets in the postings: snippets without re-analysing the stored text
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}

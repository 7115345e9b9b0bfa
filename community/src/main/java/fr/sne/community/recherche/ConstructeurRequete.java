package fr.sne.community.recherche;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link RequeteAnalysee} into a Lucene query over the title and the text: each element
 * is a disjunction of the two fields (title boosted), the elements are all required (or, as a
 * fallback, any of them), exclusions are prohibited, and words found close together score more.
 */
final class ConstructeurRequete {

    private final Schema schema;
    private final Reglages reglages;
    private final QueryBuilder analyse;

    ConstructeurRequete(Schema schema, Reglages reglages) {
        this.schema = schema;
        this.reglages = reglages;
        this.analyse = new QueryBuilder(schema.analyseur());
    }

    /**
     * The query of the positive and excluded elements, or null when nothing searchable is left
     * (only stop words, only exclusions).
     *
     * @param tous every element required (true) or at least one (false)
     */
    Query construire(RequeteAnalysee requete, boolean tous) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int positifs = 0;
        List<String> mots = new ArrayList<>();
        for (RequeteAnalysee.Element e : requete.elements()) {
            Query q = element(e);
            if (q == null) {
                continue;
            }
            if (e.exclu()) {
                b.add(q, BooleanClause.Occur.MUST_NOT);
            } else {
                b.add(q, tous ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
                positifs++;
                if (e instanceof RequeteAnalysee.Mot m) {
                    mots.add(m.texte());
                }
            }
        }
        if (positifs == 0) {
            return null;
        }
        if (!tous) {
            b.setMinimumNumberShouldMatch(1);
        }
        if (reglages.proximite() > 0 && mots.size() > 1) {
            Query proches = disjonction(
                    analyse.createPhraseQuery(Schema.TITRE, String.join(" ", mots), reglages.ecart()),
                    analyse.createPhraseQuery(Schema.TEXTE, String.join(" ", mots), reglages.ecart()));
            if (proches != null) {
                if (tous) {
                    b.add(new BoostQuery(proches, reglages.proximite()), BooleanClause.Occur.SHOULD);
                } else {
                    // in the "any word" mode a SHOULD clause would count as a match: wrap it as a required alternative
                    return new BooleanQuery.Builder()
                            .add(b.build(), BooleanClause.Occur.MUST)
                            .add(new BoostQuery(proches, reglages.proximite()), BooleanClause.Occur.SHOULD)
                            .build();
                }
            }
        }
        return b.build();
    }

    /** What snippets mark: any positive element, without the proximity clause; null when nothing is searchable. */
    Query construireSurlignage(RequeteAnalysee requete) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (RequeteAnalysee.Element e : requete.elements()) {
            Query q = e.exclu() ? null : element(e);
            if (q != null) {
                b.add(q, BooleanClause.Occur.SHOULD);
                n++;
            }
        }
        return n == 0 ? null : b.build();
    }

    /** One element over the title and the text, or null when it analyses to nothing (a stop word). */
    Query element(RequeteAnalysee.Element e) {
        return switch (e) {
            case RequeteAnalysee.Mot m -> disjonction(mot(Schema.TITRE, m.texte()), mot(Schema.TEXTE, m.texte()));
            case RequeteAnalysee.Phrase p -> disjonction(analyse.createPhraseQuery(Schema.TITRE, p.texte()),
                    analyse.createPhraseQuery(Schema.TEXTE, p.texte()));
            case RequeteAnalysee.Prefixe p -> disjonction(prefixe(Schema.TITRE, p.texte()), prefixe(Schema.TEXTE, p.texte()));
        };
    }

    /** A word: one term, or the phrase of its parts when it analyses to several ({@code L441-1}). */
    private Query mot(String champ, String texte) {
        Query q = analyse.createPhraseQuery(champ, texte);
        return q == null ? analyse.createBooleanQuery(champ, texte) : q;
    }

    private Query prefixe(String champ, String texte) {
        BytesRef normalise = schema.analyseur().normalize(champ, texte);
        return normalise.length == 0 ? null : new PrefixQuery(new Term(champ, normalise));
    }

    private Query disjonction(Query titre, Query texte) {
        if (titre == null && texte == null) {
            return null;
        }
        if (titre == null) {
            return texte;
        }
        Query titreBooste = new BoostQuery(titre, reglages.boostTitre());
        if (texte == null) {
            return titreBooste;
        }
        return new DisjunctionMaxQuery(List.of(titreBooste, texte), reglages.departage());
    }
}

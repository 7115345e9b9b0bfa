package fr.sne.community.recherche;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * French analysis of the searched fields: elision ({@code l'habitation} → {@code habitation}),
 * lower case, French stop words, accent folding, then light stemming (plural and feminine forms).
 * Folding comes before stemming so that a word typed without its accents ({@code reglementation})
 * gives exactly the stem of the accented one.
 */
public final class AnalyseurFrancais extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream flux = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        flux = new LowerCaseFilter(flux);
        flux = new StopFilter(flux, FrenchAnalyzer.getDefaultStopSet());
        flux = new ASCIIFoldingFilter(flux);
        flux = new FrenchLightStemFilter(flux);
        return new TokenStreamComponents(source, flux);
    }

    /** What prefix queries go through: the same folding, no stemming. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream flux = new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES);
        flux = new LowerCaseFilter(flux);
        return new ASCIIFoldingFilter(flux);
    }
}

package fr.sne.community.recherche;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The words as written (lower case, accents kept, no stemming): the dictionary of the spelling
 * suggestion, so that "Vouliez-vous dire" proposes real words ({@code réglementation}), not stems.
 */
final class AnalyseurOrthographe extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream flux = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        return new TokenStreamComponents(source, new LowerCaseFilter(flux));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}

package fr.sne.documents.analyse;

import java.util.Set;

/**
 * French or English from frequent function words. Tika's own detectors are not an option here:
 * the Optimaize one is missing from the Maven mirror and the OpenNLP one weighs 25 MB; supporting
 * documents are French in the vast majority, English for the rest of what matters.
 */
final class Langue {

    private static final Set<String> FRANCAIS = Set.of("le", "la", "les", "de", "des", "du", "un", "une", "et", "est",
            "en", "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "avec", "ce", "cette", "ces", "il", "elle",
            "nous", "vous", "ils", "sont", "par", "ou", "son", "sa", "ses", "leur", "leurs", "ete", "etre", "ne", "se",
            "votre", "vos", "notre", "nos");
    private static final Set<String> ANGLAIS = Set.of("the", "of", "and", "to", "is", "that", "for", "it", "with",
            "was", "be", "by", "this", "are", "from", "or", "which", "have", "has", "not", "they", "you", "we", "his",
            "her", "their", "been", "were", "will", "would", "your", "our", "there", "what", "can");
    private static final int MOTS_MAX = 20_000;
    private static final int INDICES_MIN = 5;

    private Langue() {
    }

    /** "fr", "en", or null when the text is too short or mixed to say. */
    static String detecter(String normalise) {
        int fr = 0;
        int en = 0;
        int mots = 0;
        for (String mot : normalise.split("[^a-z']+")) {
            if (++mots > MOTS_MAX) {
                break;
            }
            int apostrophe = mot.indexOf('\'');
            String racine = apostrophe > 0 && apostrophe < 3 ? mot.substring(0, apostrophe + 1) : mot;
            if (FRANCAIS.contains(mot) || racine.equals("l'") || racine.equals("d'") || racine.equals("qu'")) {
                fr++;
            } else if (ANGLAIS.contains(mot)) {
                en++;
            }
        }
        if (fr + en < INDICES_MIN) {
            return null;
        }
        if (fr >= 2 * en) {
            return "fr";
        }
        return en >= 2 * fr ? "en" : null;
    }
}

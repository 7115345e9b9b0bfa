package fr.sne.documents.analyse;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as the rules read it: lower case, no accents, straight apostrophes, single spaces. */
final class Textes {

    private static final Pattern DIACRITIQUES = Pattern.compile("\\p{M}+");
    private static final Pattern ESPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2007\\u2009]+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2019\\u2018\\u02BC\\u00B4`]");

    private Textes() {
    }

    static String normaliser(String texte) {
        if (texte == null) {
            return "";
        }
        String sansAccents = DIACRITIQUES.matcher(Normalizer.normalize(texte, Normalizer.Form.NFD)).replaceAll("");
        String apostrophes = APOSTROPHES.matcher(sansAccents).replaceAll("'");
        return ESPACES.matcher(apostrophes.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}

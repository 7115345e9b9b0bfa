package fr.sne.core.demande;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The comparison keys of probable duplicates: no case, accents, hyphens, apostrophes or spaces.
 * Public: the duplicate finder ({@code fr.sne.core.doublon}) must compute the very keys stored here.
 */
public final class Cles {

    private Cles() {
    }

    public static String cle(String s) {
        if (s == null) {
            return "";
        }
        String lower = s.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replaceAll("[^a-z0-9]", "");
    }
}

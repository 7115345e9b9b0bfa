package fr.sne.community.info;

import java.text.Normalizer;
import java.util.Locale;

/** URL names from titles: lower case, no accents, words joined by hyphens (e.g. "maintenance-du-12-mars"). */
public final class Slugs {

    static final int LONGUEUR_MAX = 80;

    private Slugs() {
    }

    public static String de(String texte) {
        String sansAccents = Normalizer.normalize(texte == null ? "" : texte, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae");
        String slug = sansAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > LONGUEUR_MAX) {
            slug = slug.substring(0, LONGUEUR_MAX);
            int coupure = slug.lastIndexOf('-');
            slug = coupure > LONGUEUR_MAX / 2 ? slug.substring(0, coupure) : slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }
}

package fr.sne.community.info;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/** A file attached to an article (bytes in object storage). */
public record PieceJointe(long id, long articleId, String territoire, String nom, String typeMime, long taille,
                          String cleObjet, Instant creeLe) {

    /** The download link; the name at the end is for the reader's browser only. */
    public String url() {
        return "/info/pieces/" + id + "/" + URLEncoder.encode(nom, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** e.g. "XSD" or "PDF". */
    public String format() {
        int point = nom.lastIndexOf('.');
        return point < 0 || point == nom.length() - 1 ? "Fichier" : nom.substring(point + 1).toUpperCase(Locale.ROOT);
    }

    /** e.g. "61 ko" or "1,2 Mo". */
    public String tailleLisible() {
        if (taille < 1024) {
            return taille + " octets";
        }
        if (taille < 1024 * 1024) {
            return Math.max(1, Math.round(taille / 1024.0)) + " ko";
        }
        return String.format(Locale.FRANCE, "%.1f Mo", taille / (1024.0 * 1024.0));
    }
}

package fr.sne.community.wiki;

import java.time.Instant;

/** A file attached to a page, kept in the object storage. */
public record PiecePage(long id, long pageId, long espaceId, String nom, String typeMime, long taille, String cleObjet, Instant creeLe) {

    public String url() {
        return "/communaute/wiki/pieces/" + id + "/" + java.net.URLEncoder.encode(nom, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String tailleLisible() {
        return taille < 1024 ? taille + " o" : taille < 1024 * 1024 ? (taille / 1024) + " ko" : String.format(java.util.Locale.FRANCE, "%.1f Mo", taille / 1048576.0);
    }
}

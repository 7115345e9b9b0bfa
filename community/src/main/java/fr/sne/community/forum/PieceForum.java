package fr.sne.community.forum;

import java.time.Instant;

/** A file attached to a post (bytes in object storage under {@code cleObjet}). */
public record PieceForum(long id, long messageId, long espaceId, String nom, String typeMime, long taille, String cleObjet, Instant creeLe) {

    public String url() {
        return "/communaute/forum/pieces/" + id + "/" + java.net.URLEncoder.encode(nom, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String tailleLisible() {
        return taille < 1024 ? taille + " o" : taille < 1024 * 1024 ? (taille / 1024) + " ko" : String.format(java.util.Locale.FRENCH, "%.1f Mo", taille / 1048576.0);
    }
}

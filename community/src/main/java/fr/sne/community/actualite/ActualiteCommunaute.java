package fr.sne.community.actualite;

import fr.sne.community.wiki.Dates;

import java.time.Instant;

/** A news item of a space; an important one is also pushed by mail and shown as a banner until dismissed. */
public record ActualiteCommunaute(long id, long espaceId, String espaceSlug, String espaceNom, String titre, String contenu,
                                  boolean important, String auteur, Instant publieLe) {

    public String url() {
        return "/communaute/espaces/" + espaceSlug + "/actualites/" + id;
    }

    public String espaceUrl() {
        return "/communaute/espaces/" + espaceSlug;
    }

    public String le() {
        return Dates.heure(publieLe);
    }

    public String leIso() {
        return Dates.iso(publieLe);
    }

    public static String idRecherche(long id) {
        return "actualite-communaute:" + id;
    }
}

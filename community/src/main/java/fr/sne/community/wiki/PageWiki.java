package fr.sne.community.wiki;

import java.time.Instant;

/** A wiki page of a space, in its current version ({@code version} is also its edit lock). */
public record PageWiki(long id, long espaceId, Long parentId, String slug, String titre, int ordre, String contenu,
                       int version, Instant creeLe, Instant modifieLe, String modifiePar) {

    public String url(String espaceSlug) {
        return "/communaute/espaces/" + espaceSlug + "/wiki/" + slug;
    }

    public static String idRecherche(long id) {
        return "page:" + id;
    }

    public String modifieLeTexte() {
        return Dates.heure(modifieLe);
    }

    public String modifieLeIso() {
        return Dates.iso(modifieLe);
    }
}

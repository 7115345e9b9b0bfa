package fr.sne.community.wiki;

import java.time.Instant;

/** One saved state of a page: who saved it, when, and why. */
public record VersionPage(long pageId, int numero, String titre, String contenu, String commentaire, String auteur, Instant creeLe) {

    public String le() {
        return Dates.heure(creeLe);
    }

    public String leIso() {
        return Dates.iso(creeLe);
    }
}

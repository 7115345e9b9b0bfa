package fr.sne.community.wiki;

import java.time.Instant;

public record CommentairePage(long id, long pageId, String auteur, String texte, Instant creeLe) {

    public String le() {
        return Dates.heure(creeLe);
    }

    public String leIso() {
        return Dates.iso(creeLe);
    }
}

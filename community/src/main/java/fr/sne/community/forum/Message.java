package fr.sne.community.forum;

import java.time.Instant;
import java.util.List;

/** A post of a topic (its first post is the topic's text), Markdown as typed and its sanitised HTML. */
public record Message(long id, long sujetId, long espaceId, long auteurId, String auteur, String markdown, String html,
                      Instant creeLe, Instant modifieLe, String statut, boolean masque, String masqueMotif,
                      List<Long> mentionnes, int version, int mercis, boolean merciDonne) {

    public boolean enAttente() {
        return "EN_ATTENTE".equals(statut);
    }

    public boolean modifie() {
        return version > 1;
    }
}

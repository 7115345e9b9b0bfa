package fr.sne.community.forum;

import java.time.Instant;
import java.util.List;

/** A forum topic; {@code fusionneDans} set when merged into another (its address redirects). */
public record Sujet(long id, long espaceId, long categorieId, String titre, List<String> tags, long auteurId, String auteur,
                    Instant creeLe, Instant dernierMessageLe, boolean epingle, boolean verrouille, boolean enAttente,
                    Long reponseAccepteeId, Long fusionneDans, int version, int reponses) {

    public boolean resolu() {
        return reponseAccepteeId != null;
    }

    public String url() {
        return "/communaute/forum/sujets/" + id;
    }

    public static String idRecherche(long id) {
        return "sujet:" + id;
    }
}

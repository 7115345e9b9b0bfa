package fr.sne.community.espace;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The moderation log of a space: who did what, on what, why and when, for every moderation action
 * and every setting or member change. Written in the change's transaction (the space's scope).
 */
@Singleton
public class JournalModeration {

    /** One line of the log, with its author's name. */
    public record Entree(long id, String auteur, String action, String objet, String motif, Instant le) {
    }

    private final Sql sql;
    private final Clock clock;

    JournalModeration(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** {@code action} in French (e.g. "Message masqué"), {@code objet} what it applied to. */
    public void noter(long espaceId, long auteurId, String action, String objet, String motif) {
        sql.maj("INSERT INTO moderation_journal (espace_id, auteur_id, action, objet, motif, cree_le) VALUES (?, ?, ?, ?, ?, ?)",
                espaceId, auteurId, action, objet.length() > 300 ? objet.substring(0, 300) : objet,
                motif == null ? "" : motif, clock.instant());
    }

    public List<Entree> entrees(long espaceId, int limite) {
        return sql.liste("""
                SELECT j.id, coalesce(nullif(trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')), ''), u.email) AS auteur,
                       j.action, j.objet, j.motif, j.cree_le
                  FROM moderation_journal j JOIN utilisateur u ON u.id = j.auteur_id
                 WHERE j.espace_id = ? ORDER BY j.cree_le DESC, j.id DESC LIMIT ?""",
                rs -> new Entree(rs.getLong("id"), rs.getString("auteur"), rs.getString("action"), rs.getString("objet"),
                        rs.getString("motif"), Sql.instant(rs, "cree_le")), espaceId, limite);
    }
}

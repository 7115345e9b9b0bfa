package fr.sne.community.assistance.satisfaction;

import fr.sne.community.espace.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The satisfaction surveys ({@code satisfaction_assistance}); called inside a scoped transaction. */
@Singleton
class SatisfactionRepository {

    private static final String COLONNES = "ticket_id, tour, demandeur_id, agent_id, application, invite_le, expire_le, note, "
            + "commentaire, repondu_le, annule_le";

    private final Sql sql;

    SatisfactionRepository(Sql sql) {
        this.sql = sql;
    }

    /** Opens the next round; returns its number. */
    int inviter(long ticketId, long demandeurId, Long agentId, String application, Instant le, Instant expireLe) {
        return sql.un("""
                INSERT INTO satisfaction_assistance (ticket_id, tour, demandeur_id, agent_id, application, invite_le, expire_le)
                SELECT ?, coalesce(max(tour), 0) + 1, ?, ?, ?, ?, ? FROM satisfaction_assistance WHERE ticket_id = ?
                RETURNING tour""", rs -> rs.getInt(1), ticketId, demandeurId, agentId, application, le, expireLe, ticketId).orElseThrow();
    }

    /** Voids the rounds still standing (the ticket was reopened); returns how many. */
    int annuler(long ticketId, Instant le) {
        return sql.maj("UPDATE satisfaction_assistance SET annule_le = ? WHERE ticket_id = ? AND annule_le IS NULL", le, ticketId);
    }

    Optional<Invitation> invitation(long ticketId, int tour) {
        return sql.un("SELECT " + COLONNES + " FROM satisfaction_assistance WHERE ticket_id = ? AND tour = ?",
                SatisfactionRepository::invitation, ticketId, tour);
    }

    Optional<Invitation> derniere(long ticketId) {
        return sql.un("SELECT " + COLONNES + " FROM satisfaction_assistance WHERE ticket_id = ? ORDER BY tour DESC LIMIT 1",
                SatisfactionRepository::invitation, ticketId);
    }

    /** Records the answer once: false when already answered or voided. */
    boolean repondre(long ticketId, int tour, int note, String commentaire, Instant le) {
        return sql.maj("""
                UPDATE satisfaction_assistance SET note = ?, commentaire = ?, repondu_le = ?
                WHERE ticket_id = ? AND tour = ? AND note IS NULL AND annule_le IS NULL""", note, commentaire, le, ticketId, tour) == 1;
    }

    /** One row of the report: the answered, standing rounds grouped by {@code axe}. */
    record Ligne(String cle, String libelle, long nombre, double moyenne, long[] repartition) {
    }

    List<Ligne> parApplication() {
        return sql.liste("""
                SELECT application, count(*), avg(note),
                       count(*) FILTER (WHERE note = 1), count(*) FILTER (WHERE note = 2), count(*) FILTER (WHERE note = 3),
                       count(*) FILTER (WHERE note = 4), count(*) FILTER (WHERE note = 5)
                FROM satisfaction_assistance WHERE note IS NOT NULL AND annule_le IS NULL GROUP BY application ORDER BY application""",
                rs -> ligne(rs, rs.getString(1), rs.getString(1)));
    }

    List<Ligne> parAgent() {
        return sql.liste("""
                SELECT s.agent_id, coalesce(nullif(trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')), ''), 'Non assignée'),
                       count(*), avg(s.note),
                       count(*) FILTER (WHERE s.note = 1), count(*) FILTER (WHERE s.note = 2), count(*) FILTER (WHERE s.note = 3),
                       count(*) FILTER (WHERE s.note = 4), count(*) FILTER (WHERE s.note = 5)
                FROM satisfaction_assistance s LEFT JOIN utilisateur u ON u.id = s.agent_id
                WHERE s.note IS NOT NULL AND s.annule_le IS NULL GROUP BY s.agent_id, 2 ORDER BY 2""", rs -> {
                    long[] r = new long[5];
                    for (int i = 0; i < 5; i++) {
                        r[i] = rs.getLong(5 + i);
                    }
                    return new Ligne(String.valueOf(rs.getObject(1)), rs.getString(2), rs.getLong(3), rs.getDouble(4), r);
                });
    }

    private static Ligne ligne(ResultSet rs, String cle, String libelle) throws SQLException {
        long[] r = new long[5];
        for (int i = 0; i < 5; i++) {
            r[i] = rs.getLong(4 + i);
        }
        return new Ligne(cle, libelle, rs.getLong(2), rs.getDouble(3), r);
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        int note = rs.getInt("note");
        Integer n = rs.wasNull() ? null : note;
        return new Invitation(rs.getLong("ticket_id"), rs.getInt("tour"), rs.getLong("demandeur_id"), Sql.longOuNull(rs, "agent_id"),
                rs.getString("application"), Sql.instant(rs, "invite_le"), Sql.instant(rs, "expire_le"), n, rs.getString("commentaire"),
                Sql.instant(rs, "repondu_le"), Sql.instant(rs, "annule_le"));
    }
}

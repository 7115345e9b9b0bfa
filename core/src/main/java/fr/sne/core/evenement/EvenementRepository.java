package fr.sne.core.evenement;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Events of applications, always inside a scoped transaction (RLS filters the territory or the account). */
@Singleton
class EvenementRepository {

    private static final String SELECT = """
            SELECT e.id, e.territoire, e.numero_unique, e.code, e.origine, e.date_survenance, e.commentaire, e.guichet,
                   g.nom AS guichet_nom, e.par_gestionnaire, e.cree_le, e.supprime_le
              FROM evenement e LEFT JOIN guichet_nom g ON g.code = e.guichet""";

    /** What the events' rules need of their application. */
    record DemandeLue(String territoire, String numeroUnique, String etat, LocalDate dateDepot) {
    }

    private final JdbcOperations jdbc;

    EvenementRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The application of this number the transaction's scope lets one see. */
    Optional<DemandeLue> demande(String numero) {
        return jdbc.prepareStatement("SELECT territoire, numero_unique, etat, date_depot FROM demande WHERE numero_unique = ?", ps -> {
            ps.setString(1, numero);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new DemandeLue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()))
                        : Optional.<DemandeLue>empty();
            }
        });
    }

    /** Every event of an application, deleted ones included, most recent first. */
    List<Evenement> lister(String territoire, String numero) {
        String sql = SELECT + " WHERE e.territoire = ? AND e.numero_unique = ? ORDER BY e.date_survenance DESC, e.id DESC";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                List<Evenement> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(evenement(rs));
                }
                return list;
            }
        });
    }

    Optional<Evenement> trouver(String territoire, String numero, long id) {
        return jdbc.prepareStatement(SELECT + " WHERE e.territoire = ? AND e.id = ? AND e.numero_unique = ?", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, id);
            ps.setString(3, numero);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(evenement(rs)) : Optional.<Evenement>empty();
            }
        });
    }

    /**
     * Flags a desk event as deleted, once; false when it already was (a concurrent deletion). The
     * row itself never changes (V15 grants the application role these two columns only).
     */
    boolean supprimer(String territoire, long id, String auteur) {
        return jdbc.prepareStatement("""
                UPDATE evenement SET supprime_le = now(), supprime_par = ?
                 WHERE territoire = ? AND id = ? AND origine = 'GUICHET' AND supprime_le IS NULL""", ps -> {
            ps.setString(1, auteur);
            ps.setString(2, territoire);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        });
    }

    private static Evenement evenement(ResultSet rs) throws SQLException {
        Date date = rs.getDate("date_survenance");
        return new Evenement(rs.getLong("id"), rs.getString("territoire"), rs.getString("numero_unique"), rs.getString("code"),
                rs.getString("origine"), date.toLocalDate(), rs.getString("commentaire"), rs.getString("guichet"),
                rs.getString("guichet_nom"), rs.getBoolean("par_gestionnaire"), instant(rs.getTimestamp("cree_le")),
                instant(rs.getTimestamp("supprime_le")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

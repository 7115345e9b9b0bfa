package fr.sne.core.priorite;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Priority data of applications; always inside a scoped transaction (RLS). */
@Singleton
class PrioriteRepository {

    /** What the priority rules need of the application. */
    record DemandeLue(String territoire, String numeroUnique, String etat) {
    }

    private final JdbcOperations jdbc;

    PrioriteRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DemandeLue> demande(String numero) {
        return jdbc.prepareStatement("SELECT territoire, numero_unique, etat FROM demande WHERE numero_unique = ?", ps -> {
            ps.setString(1, numero);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new DemandeLue(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.<DemandeLue>empty();
            }
        });
    }

    /** The recorded data, or empty when nothing was ever recorded. */
    Optional<Priorite> trouver(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT p.territoire, p.numero_unique, p.statut_dalo, p.date_decision_dalo, p.date_fin_dalo, p.categories, p.labels,
                       p.contingents, p.version, p.guichet, g.nom AS guichet_nom, p.modifie_le
                  FROM priorite_demande p LEFT JOIN guichet_nom g ON g.code = p.guichet
                 WHERE p.territoire = ? AND p.numero_unique = ?""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Priorite>empty();
                }
                return Optional.of(new Priorite(rs.getString(1), rs.getString(2), rs.getString(3), date(rs.getDate(4)),
                        date(rs.getDate(5)), tableau(rs.getArray(6)), tableau(rs.getArray(7)), tableau(rs.getArray(8)), rs.getInt(9),
                        rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant()));
            }
        });
    }

    /** The first recording; false when someone else recorded them first (the caller's version is then stale). */
    boolean inserer(String territoire, String numero, ValidationPriorite.Valide v, String guichet, String auteur) {
        return jdbc.prepareStatement("""
                INSERT INTO priorite_demande (territoire, numero_unique, statut_dalo, date_decision_dalo, date_fin_dalo, categories,
                                              labels, contingents, version, guichet, auteur)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            valeurs(ps, 3, v);
            ps.setString(9, guichet);
            ps.setString(10, auteur);
            return ps.executeUpdate() == 1;
        });
    }

    /** A change of the data read at {@code versionAttendue}; false when someone else wrote in between. */
    boolean mettreAJour(String territoire, String numero, int versionAttendue, ValidationPriorite.Valide v, String guichet,
                        String auteur) {
        return jdbc.prepareStatement("""
                UPDATE priorite_demande SET statut_dalo = ?, date_decision_dalo = ?, date_fin_dalo = ?, categories = ?, labels = ?,
                                            contingents = ?, guichet = ?, auteur = ?, version = version + 1, modifie_le = now()
                 WHERE territoire = ? AND numero_unique = ? AND version = ?""", ps -> {
            valeurs(ps, 1, v);
            ps.setString(7, guichet);
            ps.setString(8, auteur);
            ps.setString(9, territoire);
            ps.setString(10, numero);
            ps.setInt(11, versionAttendue);
            return ps.executeUpdate() == 1;
        });
    }

    /** The six values, from parameter {@code n} on. */
    private static void valeurs(PreparedStatement ps, int n, ValidationPriorite.Valide v) throws SQLException {
        ps.setString(n, v.statutDalo());
        ps.setDate(n + 1, v.dateDecisionDalo() == null ? null : Date.valueOf(v.dateDecisionDalo()));
        ps.setDate(n + 2, v.dateFinDalo() == null ? null : Date.valueOf(v.dateFinDalo()));
        ps.setArray(n + 3, ps.getConnection().createArrayOf("text", v.categories().toArray()));
        ps.setArray(n + 4, ps.getConnection().createArrayOf("text", v.labels().toArray()));
        ps.setArray(n + 5, ps.getConnection().createArrayOf("text", v.contingents().toArray()));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> tableau(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}

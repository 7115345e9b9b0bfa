package fr.sne.tenants.territoire;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Territories (national reference data, no RLS); called inside a transaction. */
@Singleton
public class Territoires {

    private static final String SELECT = """
            SELECT t.code, t.nom, t.mode, t.delai_anormalement_long_mois,
                   coalesce((t.parametres ->> 'evenementsVisiblesDemandeur')::boolean, true) AS visibles,
                   coalesce(array_agg(td.departement ORDER BY td.departement) FILTER (WHERE td.departement IS NOT NULL), '{}') AS departements
              FROM territoire t LEFT JOIN territoire_departement td ON td.territoire = t.code""";

    private final JdbcOperations jdbc;

    public Territoires(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Territoire> lister() {
        return jdbc.prepareStatement(SELECT + " GROUP BY t.code ORDER BY t.code", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<Territoire> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(map(rs));
                }
                return list;
            }
        });
    }

    public Optional<Territoire> trouver(String code) {
        return jdbc.prepareStatement(SELECT + " WHERE t.code = ? GROUP BY t.code", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<Territoire>empty();
            }
        });
    }

    public void creer(String code, String nom, String mode, int delai, List<String> departements) {
        jdbc.prepareStatement("INSERT INTO territoire (code, nom, mode, delai_anormalement_long_mois) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, code);
            ps.setString(2, nom);
            ps.setString(3, mode);
            ps.setInt(4, delai);
            return ps.executeUpdate();
        });
        for (String d : departements) {
            jdbc.prepareStatement("INSERT INTO territoire_departement (territoire, departement) VALUES (?, ?)", ps -> {
                ps.setString(1, code);
                ps.setString(2, d);
                return ps.executeUpdate();
            });
        }
    }

    /** The territory a département already belongs to, if any. */
    public Optional<String> territoireDuDepartement(String departement) {
        return jdbc.prepareStatement("SELECT territoire FROM territoire_departement WHERE departement = ?", ps -> {
            ps.setString(1, departement);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Optimistic on nothing: territory settings change rarely and only by administrators. */
    public void modifier(String code, String mode, int delai, boolean evenementsVisibles) {
        jdbc.prepareStatement("""
                UPDATE territoire SET mode = ?, delai_anormalement_long_mois = ?,
                       parametres = parametres || jsonb_build_object('evenementsVisiblesDemandeur', ?::boolean),
                       modifie_le = now()
                 WHERE code = ?""", ps -> {
            ps.setString(1, mode);
            ps.setInt(2, delai);
            ps.setBoolean(3, evenementsVisibles);
            ps.setString(4, code);
            return ps.executeUpdate();
        });
    }

    /** Opens (or closes) the regulatory events on the portal, the only setting a territorial manager changes. */
    public void ouvrirEvenements(String code, boolean evenementsVisibles) {
        jdbc.prepareStatement("""
                UPDATE territoire SET parametres = parametres || jsonb_build_object('evenementsVisiblesDemandeur', ?::boolean),
                       modifie_le = now()
                 WHERE code = ?""", ps -> {
            ps.setBoolean(1, evenementsVisibles);
            ps.setString(2, code);
            return ps.executeUpdate();
        });
    }

    private static Territoire map(ResultSet rs) throws SQLException {
        Array deps = rs.getArray("departements");
        return new Territoire(rs.getString("code"), rs.getString("nom"), rs.getString("mode"),
                rs.getInt("delai_anormalement_long_mois"), rs.getBoolean("visibles"),
                Arrays.asList((String[]) deps.getArray()));
    }
}

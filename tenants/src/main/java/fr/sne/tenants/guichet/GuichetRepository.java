package fr.sne.tenants.guichet;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Desks, always read and written inside a scoped transaction: RLS restricts every statement. */
@Singleton
class GuichetRepository {

    private static final String SELECT = """
            SELECT g.code, g.territoire, g.nom, g.type, g.siret, g.adresse, g.commune, c.nom AS commune_nom,
                   g.courriel, g.actif, g.version
              FROM guichet g LEFT JOIN commune c ON c.code = g.commune""";

    private final JdbcOperations jdbc;

    GuichetRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Guichet> lister() {
        return jdbc.prepareStatement(SELECT + " ORDER BY g.territoire NULLS FIRST, g.code", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<Guichet> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(map(rs));
                }
                return list;
            }
        });
    }

    Optional<Guichet> trouver(String code) {
        return jdbc.prepareStatement(SELECT + " WHERE g.code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<Guichet>empty();
            }
        });
    }

    void inserer(Guichet g) {
        jdbc.prepareStatement("""
                INSERT INTO guichet (code, territoire, nom, type, siret, adresse, commune, courriel)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, g.code());
            ps.setString(2, g.territoire());
            ps.setString(3, g.nom());
            ps.setString(4, g.type().name());
            ps.setString(5, g.siret());
            ps.setString(6, g.adresse());
            ps.setString(7, g.commune());
            ps.setString(8, g.courriel());
            return ps.executeUpdate();
        });
    }

    /** Optimistic update: false when somebody else changed the desk since {@code version}. */
    boolean modifier(Guichet g, int version) {
        return jdbc.prepareStatement("""
                UPDATE guichet SET nom = ?, type = ?, siret = ?, adresse = ?, commune = ?, courriel = ?,
                       version = version + 1, modifie_le = now()
                 WHERE code = ? AND version = ?""", ps -> {
            ps.setString(1, g.nom());
            ps.setString(2, g.type().name());
            ps.setString(3, g.siret());
            ps.setString(4, g.adresse());
            ps.setString(5, g.commune());
            ps.setString(6, g.courriel());
            ps.setString(7, g.code());
            ps.setInt(8, version);
            return ps.executeUpdate() == 1;
        });
    }

    boolean activer(String code, boolean actif) {
        return jdbc.prepareStatement(
                "UPDATE guichet SET actif = ?, version = version + 1, modifie_le = now() WHERE code = ? AND actif <> ?", ps -> {
                    ps.setBoolean(1, actif);
                    ps.setString(2, code);
                    ps.setBoolean(3, actif);
                    return ps.executeUpdate() == 1;
                });
    }

    private static Guichet map(ResultSet rs) throws SQLException {
        return new Guichet(rs.getString("code"), rs.getString("territoire"), rs.getString("nom"),
                TypeGuichet.valueOf(rs.getString("type")), rs.getString("siret"), rs.getString("adresse"),
                rs.getString("commune"), rs.getString("commune_nom"), rs.getString("courriel"), rs.getBoolean("actif"),
                rs.getInt("version"));
    }
}

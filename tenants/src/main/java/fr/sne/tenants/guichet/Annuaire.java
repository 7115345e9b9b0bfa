package fr.sne.tenants.guichet;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The national directory of desks (code, name, type, territory, active): public information,
 * read through the {@code guichet_nom} view without a tenant scope, e.g. to request a habilitation.
 */
@Singleton
public class Annuaire {

    /** One desk of the directory. */
    public record Entree(String code, String nom, String type, String territoire, boolean actif) {
        public String getLibelle() {
            return nom + " (" + code + ")";
        }
    }

    private final JdbcOperations jdbc;

    Annuaire(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Active desks that can hold habilitations, by territory then name. */
    public List<Entree> guichetsActifs() {
        return jdbc.prepareStatement("""
                SELECT code, nom, type, territoire, actif FROM guichet_nom
                 WHERE actif AND territoire IS NOT NULL ORDER BY territoire, nom""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<Entree> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Entree(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }
                return list;
            }
        });
    }

    public Optional<Entree> guichet(String code) {
        return jdbc.prepareStatement("SELECT code, nom, type, territoire, actif FROM guichet_nom WHERE code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Entree(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                        : Optional.<Entree>empty();
            }
        });
    }
}

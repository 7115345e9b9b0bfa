package fr.sne.community.espace;

import fr.sne.tenants.identity.Profil;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Spaces and their explicit members; every call runs inside a scoped transaction. */
@Singleton
public class EspaceRepository {

    private static final String COLONNES = "e.id, e.territoire, e.slug, e.nom, e.description, e.visibilite, e.profil, e.archive, e.cree_le, e.version";

    /** An explicit member, with their name for the members page. */
    public record Membre(long utilisateurId, String email, String prenom, String nom, RoleEspace role, java.time.Instant ajouteLe) {
        public String nomAffiche() {
            String complet = ((prenom == null ? "" : prenom) + " " + (nom == null ? "" : nom)).trim();
            return complet.isEmpty() ? email : complet;
        }
    }

    private final JdbcOperations jdbc;

    EspaceRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every space the scope shows (a few hundred at most), by name. */
    public List<Espace> tous() {
        return jdbc.prepareStatement("SELECT " + COLONNES + " FROM espace e ORDER BY e.nom, e.id", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<Espace> espaces = new ArrayList<>();
                while (rs.next()) {
                    espaces.add(espace(rs));
                }
                return espaces;
            }
        });
    }

    public Optional<Espace> parSlug(String slug) {
        return un("SELECT " + COLONNES + " FROM espace e WHERE e.slug = ?", slug);
    }

    public Optional<Espace> parId(long id) {
        return un("SELECT " + COLONNES + " FROM espace e WHERE e.id = ?", id);
    }

    /** The user's explicit roles, by space id. */
    public Map<Long, RoleEspace> rolesDe(long utilisateurId) {
        return jdbc.prepareStatement("SELECT espace_id, role FROM espace_membre WHERE utilisateur_id = ?", ps -> {
            ps.setLong(1, utilisateurId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<Long, RoleEspace> roles = new HashMap<>();
                while (rs.next()) {
                    roles.put(rs.getLong(1), RoleEspace.valueOf(rs.getString(2)));
                }
                return roles;
            }
        });
    }

    public List<Membre> membres(long espaceId) {
        return jdbc.prepareStatement("""
                SELECT m.utilisateur_id, u.email, u.prenom, u.nom, m.role, m.ajoute_le
                  FROM espace_membre m JOIN utilisateur u ON u.id = m.utilisateur_id
                 WHERE m.espace_id = ? ORDER BY m.role DESC, u.nom, u.prenom""", ps -> {
            ps.setLong(1, espaceId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Membre> membres = new ArrayList<>();
                while (rs.next()) {
                    membres.add(new Membre(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            RoleEspace.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant()));
                }
                membres.sort(java.util.Comparator.comparing(Membre::role).thenComparing(Membre::nomAffiche));
                return membres;
            }
        });
    }

    public long creer(String territoire, String slug, String nom, String description, Visibilite visibilite, Profil profil, long auteurId) {
        return jdbc.prepareStatement("""
                INSERT INTO espace (territoire, slug, nom, description, visibilite, profil, cree_par)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, slug);
            ps.setString(3, nom);
            ps.setString(4, description);
            ps.setString(5, visibilite.name());
            if (profil == null) {
                ps.setNull(6, Types.VARCHAR);
            } else {
                ps.setString(6, profil.name());
            }
            ps.setLong(7, auteurId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Adds the member or changes their role. */
    public void definirRole(long espaceId, long utilisateurId, RoleEspace role, long parId) {
        jdbc.prepareStatement("""
                INSERT INTO espace_membre (espace_id, utilisateur_id, role, ajoute_par) VALUES (?, ?, ?, ?)
                ON CONFLICT (espace_id, utilisateur_id) DO UPDATE SET role = EXCLUDED.role""", ps -> {
            ps.setLong(1, espaceId);
            ps.setLong(2, utilisateurId);
            ps.setString(3, role.name());
            ps.setLong(4, parId);
            return ps.executeUpdate();
        });
    }

    public boolean retirer(long espaceId, long utilisateurId) {
        return jdbc.prepareStatement("DELETE FROM espace_membre WHERE espace_id = ? AND utilisateur_id = ?", ps -> {
            ps.setLong(1, espaceId);
            ps.setLong(2, utilisateurId);
            return ps.executeUpdate() > 0;
        });
    }

    private Optional<Espace> un(String sql, Object cle) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, cle);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(espace(rs)) : Optional.empty();
            }
        });
    }

    private static Espace espace(ResultSet rs) throws SQLException {
        String profil = rs.getString("profil");
        return new Espace(rs.getLong("id"), rs.getString("territoire"), rs.getString("slug"), rs.getString("nom"),
                rs.getString("description"), Visibilite.valueOf(rs.getString("visibilite")),
                profil == null ? null : Profil.valueOf(profil), rs.getBoolean("archive"),
                rs.getTimestamp("cree_le").toInstant(), rs.getInt("version"));
    }
}

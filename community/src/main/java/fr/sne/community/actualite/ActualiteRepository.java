package fr.sne.community.actualite;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The news items' tables; every call runs inside a scoped transaction. */
@Singleton
class ActualiteRepository {

    private static final String SELECT = """
            SELECT a.id, a.espace_id, e.slug, e.nom, a.titre, a.contenu, a.important, a.publie_le,
                   coalesce(nullif(trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')), ''), u.email) AS auteur
              FROM actualite_communaute a JOIN espace e ON e.id = a.espace_id LEFT JOIN utilisateur u ON u.id = a.auteur_id""";

    private final JdbcOperations jdbc;

    ActualiteRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long creer(long espaceId, String titre, String contenu, boolean important, long auteurId, Instant le) {
        return jdbc.prepareStatement("""
                INSERT INTO actualite_communaute (espace_id, titre, contenu, important, auteur_id, publie_le)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setLong(1, espaceId);
            ps.setString(2, titre);
            ps.setString(3, contenu);
            ps.setBoolean(4, important);
            ps.setLong(5, auteurId);
            ps.setTimestamp(6, Timestamp.from(le));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    Optional<ActualiteCommunaute> parId(long id) {
        return liste(SELECT + " WHERE a.id = ?", id).stream().findFirst();
    }

    /** The newest items of these spaces, a page at a time. */
    List<ActualiteCommunaute> dernieres(Collection<Long> espaces, int limite, int decalage) {
        if (espaces.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(SELECT + " WHERE a.espace_id = ANY (?) ORDER BY a.publie_le DESC, a.id DESC LIMIT ? OFFSET ?", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", espaces.toArray()));
            ps.setInt(2, limite);
            ps.setInt(3, decalage);
            return lire(ps.executeQuery());
        });
    }

    long compter(Collection<Long> espaces) {
        if (espaces.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("SELECT count(*) FROM actualite_communaute WHERE espace_id = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", espaces.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Important items since {@code depuis} in these spaces that the user has not dismissed. */
    List<ActualiteCommunaute> importantesNonMasquees(Collection<Long> espaces, long utilisateurId, Instant depuis) {
        if (espaces.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(SELECT + "\n" + """
                 WHERE a.important AND a.espace_id = ANY (?) AND a.publie_le >= ?
                   AND NOT EXISTS (SELECT 1 FROM actualite_communaute_masquee m WHERE m.actualite_id = a.id AND m.utilisateur_id = ?)
                 ORDER BY a.publie_le DESC LIMIT 3""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", espaces.toArray()));
            ps.setTimestamp(2, Timestamp.from(depuis));
            ps.setLong(3, utilisateurId);
            return lire(ps.executeQuery());
        });
    }

    void masquer(long actualiteId, long espaceId, long utilisateurId) {
        jdbc.prepareStatement("""
                INSERT INTO actualite_communaute_masquee (actualite_id, utilisateur_id, espace_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", ps -> {
            ps.setLong(1, actualiteId);
            ps.setLong(2, utilisateurId);
            ps.setLong(3, espaceId);
            return ps.executeUpdate();
        });
    }

    void parcourir(Consumer<ActualiteCommunaute> sink) {
        jdbc.prepareStatement(SELECT + " ORDER BY a.id", ps -> {
            lire(ps.executeQuery()).forEach(sink);
            return null;
        });
    }

    private List<ActualiteCommunaute> liste(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return lire(ps.executeQuery());
        });
    }

    private static List<ActualiteCommunaute> lire(ResultSet rs) throws SQLException {
        try (rs) {
            List<ActualiteCommunaute> liste = new ArrayList<>();
            while (rs.next()) {
                liste.add(new ActualiteCommunaute(rs.getLong("id"), rs.getLong("espace_id"), rs.getString("slug"), rs.getString("nom"),
                        rs.getString("titre"), rs.getString("contenu"), rs.getBoolean("important"), rs.getString("auteur"),
                        rs.getTimestamp("publie_le").toInstant()));
            }
            return liste;
        }
    }
}

package fr.sne.tenants.habilitation;

import fr.sne.tenants.identity.Profil;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Habilitations of the scope's territory (RLS), with their holders. */
@Singleton
class HabilitationRepository {

    private static final String SELECT = """
            SELECT h.id, h.utilisateur_id, u.email, u.prenom, u.nom, h.profil, h.guichet, g.nom AS guichet_nom,
                   h.territoire, h.statut, h.demandee_le, h.motif_demande, h.certifiee_le, u.derniere_connexion,
                   h.confirmee_le, h.motif_suspension
              FROM habilitation h
              JOIN utilisateur u ON u.id = h.utilisateur_id
              LEFT JOIN guichet_nom g ON g.code = h.guichet""";

    private final JdbcOperations jdbc;

    HabilitationRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<FicheHabilitation> lister(String statut) {
        String sql = SELECT + (statut == null ? "" : " WHERE h.statut = ?")
                + " ORDER BY CASE h.statut WHEN 'DEMANDEE' THEN 0 ELSE 1 END, h.territoire, u.nom, u.prenom, h.id";
        return jdbc.prepareStatement(sql, ps -> {
            if (statut != null) {
                ps.setString(1, statut);
            }
            return liste(ps.executeQuery());
        });
    }

    Optional<FicheHabilitation> trouver(long id) {
        return jdbc.prepareStatement(SELECT + " WHERE h.id = ?", ps -> {
            ps.setLong(1, id);
            List<FicheHabilitation> l = liste(ps.executeQuery());
            return l.isEmpty() ? Optional.<FicheHabilitation>empty() : Optional.of(l.getFirst());
        });
    }

    boolean existe(long utilisateurId, Profil profil, String guichet, String territoire) {
        return jdbc.prepareStatement("""
                SELECT 1 FROM sne_habilitations_de(?)
                 WHERE profil = ? AND coalesce(guichet, '') = coalesce(?, '') AND coalesce(territoire, '') = coalesce(?, '')
                   AND statut IN ('DEMANDEE', 'ACTIVE', 'SUSPENDUE')""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setString(2, profil.name());
            ps.setString(3, guichet);
            ps.setString(4, territoire);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    long demander(long utilisateurId, Profil profil, String guichet, String territoire, String motif, Instant at) {
        return jdbc.prepareStatement("""
                INSERT INTO habilitation (utilisateur_id, profil, guichet, territoire, statut, demandee_le, motif_demande)
                VALUES (?, ?, ?, ?, 'DEMANDEE', ?, ?)
                ON CONFLICT (utilisateur_id, profil, coalesce(guichet, ''), coalesce(territoire, ''))
                DO UPDATE SET statut = 'DEMANDEE', demandee_le = excluded.demandee_le, motif_demande = excluded.motif_demande,
                              revoquee_le = NULL, version = habilitation.version + 1, modifie_le = now()
                WHERE habilitation.statut = 'REVOQUEE'
                RETURNING id""", ps -> {
            ps.setLong(1, utilisateurId);
            ps.setString(2, profil.name());
            ps.setString(3, guichet);
            ps.setString(4, territoire);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setString(6, motif);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    /**
     * Moves a habilitation from one status to another; false when it was not in the expected
     * status any more (somebody else acted first).
     */
    boolean transition(long id, String depuis, String vers, String set, Object... params) {
        String sql = "UPDATE habilitation SET statut = ?, version = version + 1, modifie_le = now()"
                + (set.isEmpty() ? "" : ", " + set) + " WHERE id = ? AND statut = ANY (string_to_array(?, ','))";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setString(i++, vers);
            for (Object p : params) {
                ps.setObject(i++, p instanceof Instant instant ? Timestamp.from(instant) : p);
            }
            ps.setLong(i++, id);
            ps.setString(i, depuis);
            return ps.executeUpdate() == 1;
        });
    }

    private static List<FicheHabilitation> liste(ResultSet rs) throws SQLException {
        try (rs) {
            List<FicheHabilitation> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new FicheHabilitation(rs.getLong("id"), rs.getLong("utilisateur_id"), rs.getString("email"),
                        rs.getString("prenom"), rs.getString("nom"), Profil.valueOf(rs.getString("profil")),
                        rs.getString("guichet"), rs.getString("guichet_nom"), rs.getString("territoire"),
                        rs.getString("statut"), instant(rs, "demandee_le"), rs.getString("motif_demande"),
                        instant(rs, "certifiee_le"), instant(rs, "derniere_connexion"), instant(rs, "confirmee_le"),
                        rs.getString("motif_suspension")));
            }
            return list;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

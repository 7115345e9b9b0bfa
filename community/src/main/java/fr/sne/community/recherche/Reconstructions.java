package fr.sne.community.recherche;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rebuild requests (V26); called inside a transaction without tenant scope (national technical data). */
@Singleton
public class Reconstructions {

    /** Why a rebuild was asked for. */
    public enum Motif {
        ADMINISTRATEUR("Demandée par un administrateur national"),
        INDEX_ABSENT("Index absent ou jamais construit (démarrage)"),
        QUOTIDIENNE("Reconstruction quotidienne");

        private final String libelle;

        Motif(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /** One request and what became of it. */
    public record Demande(long id, Motif motif, Instant demandeeLe, String demandeePar, Instant commenceeLe,
                          Instant termineeLe, Long documents, String erreur) {

        public String etat() {
            if (termineeLe == null) {
                return commenceeLe == null ? "En attente" : "En cours";
            }
            return erreur == null ? "Terminée" : "En échec";
        }
    }

    private final JdbcOperations jdbc;

    Reconstructions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long demander(Motif motif, Long utilisateurId, Instant quand) {
        return jdbc.prepareStatement("""
                INSERT INTO recherche_reconstruction (motif, demandee_le, demandee_par) VALUES (?, ?, ?) RETURNING id""", ps -> {
            ps.setString(1, motif.name());
            ps.setTimestamp(2, Timestamp.from(quand));
            if (utilisateurId == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, utilisateurId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The last pending request's id (every request up to it is served by one rebuild). */
    Optional<Long> derniereEnAttente() {
        return jdbc.prepareStatement("SELECT max(id) FROM recherche_reconstruction WHERE terminee_le IS NULL", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? Optional.<Long>empty() : Optional.of(id);
            }
        });
    }

    boolean demandeeDepuis(Instant depuis) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM recherche_reconstruction WHERE demandee_le >= ?)", ps -> {
            ps.setTimestamp(1, Timestamp.from(depuis));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    void commencer(long jusqua, Instant quand) {
        jdbc.prepareStatement("UPDATE recherche_reconstruction SET commencee_le = ? WHERE id <= ? AND terminee_le IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(quand));
            ps.setLong(2, jusqua);
            return ps.executeUpdate();
        });
    }

    void terminer(long jusqua, Instant quand, Long documents, String erreur) {
        jdbc.prepareStatement("""
                UPDATE recherche_reconstruction SET terminee_le = ?, documents = ?, erreur = ?,
                       commencee_le = coalesce(commencee_le, ?)
                 WHERE id <= ? AND terminee_le IS NULL""", ps -> {
            ps.setTimestamp(1, Timestamp.from(quand));
            if (documents == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, documents);
            }
            ps.setString(3, erreur);
            ps.setTimestamp(4, Timestamp.from(quand));
            ps.setLong(5, jusqua);
            return ps.executeUpdate();
        });
    }

    public List<Demande> dernieres(int nombre) {
        return jdbc.prepareStatement("""
                SELECT r.id, r.motif, r.demandee_le, trim(coalesce(u.prenom, '') || ' ' || coalesce(u.nom, '')) AS par,
                       r.commencee_le, r.terminee_le, r.documents, r.erreur
                  FROM recherche_reconstruction r LEFT JOIN utilisateur u ON u.id = r.demandee_par
                 ORDER BY r.id DESC LIMIT ?""", ps -> {
            ps.setInt(1, nombre);
            try (ResultSet rs = ps.executeQuery()) {
                List<Demande> demandes = new ArrayList<>();
                while (rs.next()) {
                    demandes.add(map(rs));
                }
                return demandes;
            }
        });
    }

    private static Demande map(ResultSet rs) throws SQLException {
        long documents = rs.getLong("documents");
        Long docs = rs.wasNull() ? null : documents;
        String par = rs.getString("par");
        return new Demande(rs.getLong("id"), Motif.valueOf(rs.getString("motif")), instant(rs, "demandee_le"),
                par == null || par.isBlank() ? "Système" : par, instant(rs, "commencee_le"), instant(rs, "terminee_le"),
                docs, rs.getString("erreur"));
    }

    private static Instant instant(ResultSet rs, String colonne) throws SQLException {
        Timestamp t = rs.getTimestamp(colonne);
        return t == null ? null : t.toInstant();
    }
}

package fr.sne.core.export;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Export requests and their state; always inside a scoped transaction (RLS). */
@Singleton
class ExportRepository {

    /** Runs taken again after a crash (lease over) before the export is failed. */
    static final int TENTATIVES_MAX = 3;

    private static final String COLONNES = """
            territoire, id, client_id, guichet, statut, entites, profondeur_drm, etat, departements, communes,
            nombre_demandes, demandes_traitees, taille, cle_objet, cree_le, debute_le, termine_le, expire_le, tentatives""";

    private final JdbcOperations jdbc;

    ExportRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void inserer(String territoire, UUID id, String clientId, String guichet, ValidationExport.Parametres p, Instant creeLe) {
        jdbc.prepareStatement("""
                INSERT INTO export_demandes (territoire, id, client_id, guichet, statut, entites, profondeur_drm, etat,
                                             departements, communes, cree_le)
                VALUES (?, ?, ?, ?, 'EN_ATTENTE', ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, territoire);
            ps.setObject(2, id);
            ps.setString(3, clientId);
            ps.setString(4, guichet);
            ps.setArray(5, ps.getConnection().createArrayOf("text", p.entites().stream().map(Enum::name).toArray()));
            ps.setObject(6, p.profondeurDrm() == null ? null : p.profondeurDrm().shortValue(), java.sql.Types.SMALLINT);
            ps.setString(7, p.etat());
            ps.setArray(8, p.departements() == null ? null : ps.getConnection().createArrayOf("varchar", p.departements().toArray()));
            ps.setArray(9, p.communes() == null ? null : ps.getConnection().createArrayOf("varchar", p.communes().toArray()));
            ps.setTimestamp(10, Timestamp.from(creeLe));
            return ps.executeUpdate();
        });
    }

    /** The running export of a client, if any. */
    Optional<UUID> enCours(String territoire, String clientId) {
        return jdbc.prepareStatement("""
                SELECT id FROM export_demandes
                 WHERE territoire = ? AND client_id = ? AND statut IN ('EN_ATTENTE', 'EN_COURS')""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    /** A client's export (another client's, even of the same territory, is not found). */
    Optional<Export> trouver(String territoire, UUID id, String clientId) {
        return jdbc.prepareStatement("SELECT " + COLONNES + " FROM export_demandes WHERE territoire = ? AND id = ? AND client_id = ?", ps -> {
            ps.setString(1, territoire);
            ps.setObject(2, id);
            ps.setString(3, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(export(rs)) : Optional.<Export>empty();
            }
        });
    }

    /**
     * Takes the oldest waiting export, or one whose run's lease is over (a crash), for a new
     * attempt; SKIP LOCKED: two nodes never take the same one.
     */
    Optional<Export> reclamer(String territoire, Instant maintenant, Instant bailJusqua) {
        return jdbc.prepareStatement("""
                UPDATE export_demandes SET statut = 'EN_COURS', tentatives = tentatives + 1, debute_le = ?,
                       bail_jusqua = ?, demandes_traitees = 0, nombre_demandes = NULL
                 WHERE (territoire, id) = (SELECT territoire, id FROM export_demandes
                                            WHERE territoire = ? AND tentatives < ?
                                              AND (statut = 'EN_ATTENTE' OR (statut = 'EN_COURS' AND bail_jusqua < ?))
                                            ORDER BY cree_le LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLONNES, ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setTimestamp(2, Timestamp.from(bailJusqua));
            ps.setString(3, territoire);
            ps.setInt(4, TENTATIVES_MAX);
            ps.setTimestamp(5, Timestamp.from(maintenant));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(export(rs)) : Optional.<Export>empty();
            }
        });
    }

    /** Runs that crashed too often: failed, so the client may ask again. */
    int abandonner(String territoire, Instant maintenant) {
        return jdbc.prepareStatement("""
                UPDATE export_demandes SET statut = 'ECHEC', bail_jusqua = NULL, termine_le = ?,
                       erreur = 'Interrompu ' || tentatives || ' fois'
                 WHERE territoire = ? AND statut = 'EN_COURS' AND bail_jusqua < ? AND tentatives >= ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setString(2, territoire);
            ps.setTimestamp(3, Timestamp.from(maintenant));
            ps.setInt(4, TENTATIVES_MAX);
            return ps.executeUpdate();
        });
    }

    /** Progress of the attempt {@code tentative}, lease extended; false: the attempt lost its lease. */
    boolean progression(String territoire, UUID id, int tentative, int traitees, Integer total, Instant bailJusqua) {
        return jdbc.prepareStatement("""
                UPDATE export_demandes SET demandes_traitees = ?, nombre_demandes = coalesce(?, nombre_demandes), bail_jusqua = ?
                 WHERE territoire = ? AND id = ? AND tentatives = ? AND statut = 'EN_COURS'""", ps -> {
            ps.setInt(1, traitees);
            ps.setObject(2, total, java.sql.Types.INTEGER);
            ps.setTimestamp(3, Timestamp.from(bailJusqua));
            ps.setString(4, territoire);
            ps.setObject(5, id);
            ps.setInt(6, tentative);
            return ps.executeUpdate() == 1;
        });
    }

    boolean terminer(String territoire, UUID id, int tentative, int nombre, long taille, String cle, Instant fin, Instant expiration) {
        return jdbc.prepareStatement("""
                UPDATE export_demandes SET statut = 'TERMINE', nombre_demandes = ?, demandes_traitees = ?, taille = ?,
                       cle_objet = ?, termine_le = ?, expire_le = ?, bail_jusqua = NULL
                 WHERE territoire = ? AND id = ? AND tentatives = ? AND statut = 'EN_COURS'""", ps -> {
            ps.setInt(1, nombre);
            ps.setInt(2, nombre);
            ps.setLong(3, taille);
            ps.setString(4, cle);
            ps.setTimestamp(5, Timestamp.from(fin));
            ps.setTimestamp(6, Timestamp.from(expiration));
            ps.setString(7, territoire);
            ps.setObject(8, id);
            ps.setInt(9, tentative);
            return ps.executeUpdate() == 1;
        });
    }

    boolean echouer(String territoire, UUID id, int tentative, String erreur, Instant fin) {
        return jdbc.prepareStatement("""
                UPDATE export_demandes SET statut = 'ECHEC', erreur = ?, termine_le = ?, bail_jusqua = NULL
                 WHERE territoire = ? AND id = ? AND tentatives = ? AND statut = 'EN_COURS'""", ps -> {
            ps.setString(1, erreur.length() > 1000 ? erreur.substring(0, 1000) : erreur);
            ps.setTimestamp(2, Timestamp.from(fin));
            ps.setString(3, territoire);
            ps.setObject(4, id);
            ps.setInt(5, tentative);
            return ps.executeUpdate() == 1;
        });
    }

    /** Finished exports past their expiry: (id, object key). */
    List<Export> expires(String territoire, Instant maintenant, int limite) {
        return jdbc.prepareStatement("SELECT " + COLONNES + " " + """
                 FROM export_demandes WHERE territoire = ? AND statut = 'TERMINE' AND expire_le <= ?
                 ORDER BY expire_le LIMIT ?""", ps -> {
            ps.setString(1, territoire);
            ps.setTimestamp(2, Timestamp.from(maintenant));
            ps.setInt(3, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<Export> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(export(rs));
                }
                return list;
            }
        });
    }

    void marquerExpire(String territoire, UUID id) {
        jdbc.prepareStatement("UPDATE export_demandes SET statut = 'EXPIRE' WHERE territoire = ? AND id = ? AND statut = 'TERMINE'", ps -> {
            ps.setString(1, territoire);
            ps.setObject(2, id);
            return ps.executeUpdate();
        });
    }

    private static Export export(ResultSet rs) throws SQLException {
        Short profondeur = (Short) rs.getObject("profondeur_drm", Short.class);
        Integer nombre = rs.getObject("nombre_demandes", Integer.class);
        Long taille = rs.getObject("taille", Long.class);
        return new Export(rs.getString("territoire"), rs.getObject("id", UUID.class), rs.getString("client_id"),
                rs.getString("guichet"), Export.Statut.valueOf(rs.getString("statut")),
                textes(rs.getArray("entites")).stream().map(Entite::valueOf).toList(),
                profondeur == null ? null : profondeur.intValue(), rs.getString("etat"),
                rs.getArray("departements") == null ? null : textes(rs.getArray("departements")),
                rs.getArray("communes") == null ? null : textes(rs.getArray("communes")),
                nombre, rs.getInt("demandes_traitees"), taille, rs.getString("cle_objet"), instant(rs, "cree_le"),
                instant(rs, "debute_le"), instant(rs, "termine_le"), instant(rs, "expire_le"), rs.getInt("tentatives"));
    }

    private static List<String> textes(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, String colonne) throws SQLException {
        Timestamp t = rs.getTimestamp(colonne);
        return t == null ? null : t.toInstant();
    }
}

package fr.sne.core.antifraude;

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

/** Changes of names; always inside a scoped transaction (RLS). */
@Singleton
class ChangementNomRepository {

    private static final String COLONNES = """
            SELECT c.territoire, c.id, c.numero_unique, c.personne, c.nom_avant, c.prenoms_avant, c.nom_apres,
                   c.prenoms_apres, c.mineur, c.statut, c.guichet, g.nom AS guichet_nom, c.demande_par,
                   c.demande_par_utilisateur, c.demande_par_libelle, c.demande_le, c.version_demande,
                   c.decide_par_libelle, c.decide_par_guichet, c.decide_le, c.motif_refus, c.version_appliquee
              FROM changement_nom c LEFT JOIN guichet_nom g ON g.code = c.guichet""";

    private final JdbcOperations jdbc;

    ChangementNomRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Who asked or decided: the audit's actor id, their account (null for software), a label, their desk. */
    record Qui(String id, Long utilisateur, String libelle, String guichet) {
    }

    /** A recorded change's id; {@code nouveau} false when the same change was already waiting. */
    record Enregistrement(long id, boolean nouveau) {
    }

    /**
     * Records a change; the same pending change asked again (a vendor re-sending its copy) is not
     * recorded twice: the one already waiting is returned.
     */
    Enregistrement inserer(String territoire, String numero, String personne, String nomAvant, String prenomsAvant, String nomApres,
                 String prenomsApres, boolean mineur, ChangementNom.Statut statut, Qui qui, int version) {
        Optional<Long> id = jdbc.prepareStatement("""
                INSERT INTO changement_nom (territoire, numero_unique, personne, nom_avant, prenoms_avant, nom_apres, prenoms_apres,
                                            mineur, statut, guichet, demande_par, demande_par_utilisateur, demande_par_libelle,
                                            version_demande)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setString(3, personne);
            ps.setString(4, nomAvant);
            ps.setString(5, prenomsAvant);
            ps.setString(6, nomApres);
            ps.setString(7, prenomsApres);
            ps.setBoolean(8, mineur);
            ps.setString(9, statut.name());
            ps.setString(10, qui.guichet());
            ps.setString(11, qui.id());
            if (qui.utilisateur() == null) {
                ps.setNull(12, Types.BIGINT);
            } else {
                ps.setLong(12, qui.utilisateur());
            }
            ps.setString(13, qui.libelle());
            ps.setInt(14, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
        if (id.isPresent()) {
            return new Enregistrement(id.get(), true);
        }
        return new Enregistrement(jdbc.prepareStatement("""
                SELECT id FROM changement_nom WHERE territoire = ? AND numero_unique = ? AND personne = ? AND statut = 'EN_ATTENTE'
                   AND coalesce(nom_avant, '') = coalesce(?, '') AND coalesce(prenoms_avant, '') = coalesce(?, '')
                   AND coalesce(nom_apres, '') = coalesce(?, '') AND coalesce(prenoms_apres, '') = coalesce(?, '')""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setString(3, personne);
            ps.setString(4, nomAvant);
            ps.setString(5, prenomsAvant);
            ps.setString(6, nomApres);
            ps.setString(7, prenomsApres);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }), false);
    }

    /** One change, locked until the end of the transaction when {@code verrou} (a decision). */
    Optional<ChangementNom> trouver(long id, boolean verrou) {
        // FOR UPDATE OF c: the joined view is only read
        return jdbc.prepareStatement(COLONNES + " WHERE c.id = ?" + (verrou ? " FOR UPDATE OF c" : ""), ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(changement(rs)) : Optional.<ChangementNom>empty();
            }
        });
    }

    /** An application's changes, pending first, then the most recent. */
    List<ChangementNom> deLaDemande(String territoire, String numero) {
        return jdbc.prepareStatement(COLONNES + " " + """
                 WHERE c.territoire = ? AND c.numero_unique = ?
                 ORDER BY (c.statut = 'EN_ATTENTE') DESC, c.demande_le DESC, c.id DESC""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            return liste(ps.executeQuery());
        });
    }

    /** A desk's changes over a period (null desk: the territorial managers'), most recent first. */
    List<ChangementNom> duGuichet(String territoire, String guichet, Instant debut, Instant fin) {
        return jdbc.prepareStatement(COLONNES + " " + """
                 WHERE c.territoire = ? AND c.demande_le >= ? AND c.demande_le < ? AND c.guichet IS NOT DISTINCT FROM ?
                 ORDER BY c.demande_le DESC, c.id DESC""", ps -> {
            ps.setString(1, territoire);
            ps.setTimestamp(2, Timestamp.from(debut));
            ps.setTimestamp(3, Timestamp.from(fin));
            ps.setString(4, guichet);
            return liste(ps.executeQuery());
        });
    }

    /** Counts of one desk over a period, by status. */
    record Compte(String guichet, String nom, boolean actif, int appliques, int enAttente, int valides, int refuses) {
        int total() {
            return appliques + enAttente + valides + refuses;
        }
    }

    /**
     * Every desk of the territory that is active or changed names over the period (the portal's
     * national desk apart), with its counts.
     */
    List<Compte> parGuichet(String territoire, Instant debut, Instant fin) {
        return jdbc.prepareStatement("""
                SELECT g.code, g.nom, g.actif,
                       count(c.id) FILTER (WHERE c.statut = 'APPLIQUE'),
                       count(c.id) FILTER (WHERE c.statut = 'EN_ATTENTE'),
                       count(c.id) FILTER (WHERE c.statut = 'VALIDE'),
                       count(c.id) FILTER (WHERE c.statut = 'REFUSE')
                  FROM guichet_nom g
                  LEFT JOIN changement_nom c ON c.territoire = g.territoire AND c.guichet = g.code
                                            AND c.demande_le >= ? AND c.demande_le < ?
                 WHERE g.territoire = ? AND g.type <> 'PORTAIL'
                 GROUP BY g.code, g.nom, g.actif
                HAVING g.actif OR count(c.id) > 0
                 ORDER BY g.nom, g.code""", ps -> {
            ps.setTimestamp(1, Timestamp.from(debut));
            ps.setTimestamp(2, Timestamp.from(fin));
            ps.setString(3, territoire);
            try (ResultSet rs = ps.executeQuery()) {
                List<Compte> comptes = new ArrayList<>();
                while (rs.next()) {
                    comptes.add(new Compte(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7)));
                }
                return comptes;
            }
        });
    }

    /** Records a decision on a pending change; false when it was no longer pending. */
    boolean decider(String territoire, long id, ChangementNom.Statut statut, Qui qui, String motif, Integer versionAppliquee) {
        return jdbc.prepareStatement("""
                UPDATE changement_nom SET statut = ?, decide_par = ?, decide_par_utilisateur = ?, decide_par_libelle = ?,
                                          decide_par_guichet = ?, decide_le = now(), motif_refus = ?, version_appliquee = ?
                 WHERE territoire = ? AND id = ? AND statut = 'EN_ATTENTE'""", ps -> {
            ps.setString(1, statut.name());
            ps.setString(2, qui.id());
            if (qui.utilisateur() == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, qui.utilisateur());
            }
            ps.setString(4, qui.libelle());
            ps.setString(5, qui.guichet());
            ps.setString(6, motif);
            if (versionAppliquee == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, versionAppliquee);
            }
            ps.setString(8, territoire);
            ps.setLong(9, id);
            return ps.executeUpdate() == 1;
        });
    }

    private static List<ChangementNom> liste(ResultSet rs) throws SQLException {
        try (rs) {
            List<ChangementNom> list = new ArrayList<>();
            while (rs.next()) {
                list.add(changement(rs));
            }
            return list;
        }
    }

    private static ChangementNom changement(ResultSet rs) throws SQLException {
        long utilisateur = rs.getLong("demande_par_utilisateur");
        Long demandeur = rs.wasNull() ? null : utilisateur;
        int version = rs.getInt("version_appliquee");
        Integer appliquee = rs.wasNull() ? null : version;
        Timestamp decideLe = rs.getTimestamp("decide_le");
        return new ChangementNom(rs.getString("territoire"), rs.getLong("id"), rs.getString("numero_unique"),
                rs.getString("personne"), rs.getString("nom_avant"), rs.getString("prenoms_avant"), rs.getString("nom_apres"),
                rs.getString("prenoms_apres"), rs.getBoolean("mineur"), ChangementNom.Statut.valueOf(rs.getString("statut")),
                rs.getString("guichet"), rs.getString("guichet_nom"), rs.getString("demande_par"), demandeur,
                rs.getString("demande_par_libelle"), rs.getTimestamp("demande_le").toInstant(), rs.getInt("version_demande"),
                rs.getString("decide_par_libelle"), rs.getString("decide_par_guichet"),
                decideLe == null ? null : decideLe.toInstant(), rs.getString("motif_refus"), appliquee);
    }
}

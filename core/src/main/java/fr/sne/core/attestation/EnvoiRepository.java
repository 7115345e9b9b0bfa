package fr.sne.core.attestation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The attestations' outbox ({@code envoi_attestation}); always in a transaction scoped to the territory. */
@Singleton
class EnvoiRepository {

    /** A row claimed by the sending job. */
    record AEnvoyer(long id, String numero, String destinataire, MotifEnvoi motif, int tentatives) {
    }

    /** A letter waiting in the postal queue, with what the list shows of the applicant. */
    record Courrier(long id, String numero, String guichet, String guichetNom, MotifEnvoi motif, RaisonCourrier raison,
                    Instant depuis, String prenoms, String nom, String codePostal, String commune, boolean adresseComplete) {
    }

    /** A printed batch. */
    record Lot(UUID id, Instant imprimeLe, String imprimePar, int nombre) {
    }

    private final JdbcOperations jdbc;

    EnvoiRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void planifier(String territoire, String numero, String guichet, MotifEnvoi motif, String destinataire, RaisonCourrier raison) {
        jdbc.prepareStatement("""
                INSERT INTO envoi_attestation (territoire, numero_unique, guichet, motif, etat, raison_courrier, destinataire)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setString(3, guichet);
            ps.setString(4, motif.name());
            ps.setString(5, raison == null ? "A_ENVOYER" : "A_IMPRIMER");
            ps.setString(6, raison == null ? null : raison.name());
            ps.setString(7, destinataire);
            return ps.executeUpdate();
        });
    }

    /**
     * Claims up to {@code limite} rows due for sending in one statement (a row another node is
     * claiming is skipped, never taken twice). A claim older than {@code abandonAvant} is taken
     * again: its node died before recording the outcome.
     */
    List<AEnvoyer> reclamer(String territoire, int limite, Instant abandonAvant) {
        return jdbc.prepareStatement("""
                UPDATE envoi_attestation SET etat = 'EN_COURS', pris_le = now(), tentatives = tentatives + 1
                 WHERE territoire = ? AND id IN (
                       SELECT id FROM envoi_attestation
                        WHERE territoire = ? AND ((etat = 'A_ENVOYER' AND a_tenter_le <= now())
                                                  OR (etat = 'EN_COURS' AND pris_le < ?))
                        ORDER BY a_tenter_le, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, numero_unique, destinataire, motif, tentatives""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, territoire);
            ps.setTimestamp(3, Timestamp.from(abandonAvant));
            ps.setInt(4, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<AEnvoyer> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new AEnvoyer(rs.getLong(1), rs.getString(2), rs.getString(3), MotifEnvoi.valueOf(rs.getString(4)),
                            rs.getInt(5)));
                }
                list.sort((a, b) -> Long.compare(a.id(), b.id()));
                return list;
            }
        });
    }

    boolean envoye(String territoire, long id, String messageId) {
        return jdbc.prepareStatement("""
                UPDATE envoi_attestation SET etat = 'ENVOYE', envoye_le = now(), message_id = ?, erreur = NULL
                 WHERE territoire = ? AND id = ? AND etat = 'EN_COURS'""", ps -> {
            ps.setString(1, messageId);
            ps.setString(2, territoire);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        });
    }

    boolean versCourrier(String territoire, long id, RaisonCourrier raison, String erreur) {
        return jdbc.prepareStatement("""
                UPDATE envoi_attestation SET etat = 'A_IMPRIMER', raison_courrier = ?, erreur = ?
                 WHERE territoire = ? AND id = ? AND etat = 'EN_COURS'""", ps -> {
            ps.setString(1, raison.name());
            ps.setString(2, tronquer(erreur));
            ps.setString(3, territoire);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        });
    }

    boolean reporter(String territoire, long id, Instant prochaine, String erreur) {
        return jdbc.prepareStatement("""
                UPDATE envoi_attestation SET etat = 'A_ENVOYER', a_tenter_le = ?, erreur = ?
                 WHERE territoire = ? AND id = ? AND etat = 'EN_COURS'""", ps -> {
            ps.setTimestamp(1, Timestamp.from(prochaine));
            ps.setString(2, tronquer(erreur));
            ps.setString(3, territoire);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        });
    }

    /** A sent mail that bounced goes to the postal queue; the application's number, if it did. */
    Optional<String> rebond(String territoire, String messageId, String diagnostic) {
        return jdbc.prepareStatement("""
                UPDATE envoi_attestation SET etat = 'A_IMPRIMER', raison_courrier = 'REBOND', erreur = ?
                 WHERE territoire = ? AND message_id = ? AND etat = 'ENVOYE'
                RETURNING numero_unique""", ps -> {
            ps.setString(1, tronquer(diagnostic));
            ps.setString(2, territoire);
            ps.setString(3, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    private static final String COURRIER = """
            SELECT e.id, e.numero_unique, e.guichet, g.nom AS guichet_nom, e.motif, e.raison_courrier, e.cree_le,
                   d.document -> 'demandeur' ->> 'prenoms' AS prenoms,
                   coalesce(nullif(d.document -> 'demandeur' ->> 'nomUsage', ''), d.document -> 'demandeur' ->> 'nomNaissance') AS nom,
                   d.document -> 'demandeur' -> 'adresse' ->> 'codePostal' AS code_postal,
                   coalesce(c.nom, d.document -> 'demandeur' -> 'adresse' ->> 'localite') AS commune,
                   (coalesce(d.document -> 'demandeur' -> 'adresse' ->> 'voie', '') <> ''
                    AND coalesce(d.document -> 'demandeur' -> 'adresse' ->> 'codePostal', '') <> '') AS adresse_complete
              FROM envoi_attestation e
              JOIN demande d ON d.territoire = e.territoire AND d.numero_unique = e.numero_unique
              LEFT JOIN guichet_nom g ON g.code = e.guichet
              LEFT JOIN commune c ON c.code = d.document -> 'demandeur' -> 'adresse' ->> 'communeInsee'
            """;

    /** The letters waiting to be printed, oldest first. */
    List<Courrier> aImprimer(AttestationPolicy.PorteeCourriers portee, int limite) {
        return jdbc.prepareStatement(COURRIER + """
                 WHERE e.territoire = ? AND e.etat = 'A_IMPRIMER' AND (?::varchar IS NULL OR e.guichet = ?)
                 ORDER BY e.id LIMIT ?""", ps -> {
            ps.setString(1, portee.territoire());
            ps.setString(2, portee.guichet());
            ps.setString(3, portee.guichet());
            ps.setInt(4, limite);
            return courriers(ps.executeQuery());
        });
    }

    int nombreAImprimer(AttestationPolicy.PorteeCourriers portee) {
        return jdbc.prepareStatement("""
                SELECT count(*) FROM envoi_attestation
                 WHERE territoire = ? AND etat = 'A_IMPRIMER' AND (?::varchar IS NULL OR guichet = ?)""", ps -> {
            ps.setString(1, portee.territoire());
            ps.setString(2, portee.guichet());
            ps.setString(3, portee.guichet());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Marks up to {@code limite} waiting letters printed in batch {@code lot}, in one statement:
     * two people printing at once never get the same letter. Returns the letters' numbers.
     */
    List<String> marquerImprimes(AttestationPolicy.PorteeCourriers portee, UUID lot, String par, int limite) {
        return jdbc.prepareStatement("""
                UPDATE envoi_attestation SET etat = 'IMPRIME', lot = ?, imprime_le = now(), imprime_par = ?
                 WHERE territoire = ? AND id IN (
                       SELECT id FROM envoi_attestation
                        WHERE territoire = ? AND etat = 'A_IMPRIMER' AND (?::varchar IS NULL OR guichet = ?)
                        ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING numero_unique""", ps -> {
            ps.setObject(1, lot);
            ps.setString(2, par);
            ps.setString(3, portee.territoire());
            ps.setString(4, portee.territoire());
            ps.setString(5, portee.guichet());
            ps.setString(6, portee.guichet());
            ps.setInt(7, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> numeros = new ArrayList<>();
                while (rs.next()) {
                    numeros.add(rs.getString(1));
                }
                return numeros;
            }
        });
    }

    /** The letters of a printed batch, in their printing order (empty when the batch is not within reach). */
    List<Courrier> duLot(AttestationPolicy.PorteeCourriers portee, UUID lot) {
        return jdbc.prepareStatement(COURRIER + """
                 WHERE e.territoire = ? AND e.lot = ? AND (?::varchar IS NULL OR e.guichet = ?) ORDER BY e.id""", ps -> {
            ps.setString(1, portee.territoire());
            ps.setObject(2, lot);
            ps.setString(3, portee.guichet());
            ps.setString(4, portee.guichet());
            return courriers(ps.executeQuery());
        });
    }

    /** The latest printed batches, newest first. */
    List<Lot> lots(AttestationPolicy.PorteeCourriers portee, int limite) {
        return jdbc.prepareStatement("""
                SELECT lot, min(imprime_le), min(imprime_par), count(*) FROM envoi_attestation
                 WHERE territoire = ? AND lot IS NOT NULL AND (?::varchar IS NULL OR guichet = ?)
                 GROUP BY lot ORDER BY min(imprime_le) DESC LIMIT ?""", ps -> {
            ps.setString(1, portee.territoire());
            ps.setString(2, portee.guichet());
            ps.setString(3, portee.guichet());
            ps.setInt(4, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<Lot> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Lot(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4)));
                }
                return list;
            }
        });
    }

    private static List<Courrier> courriers(ResultSet rs) throws SQLException {
        try (rs) {
            List<Courrier> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new Courrier(rs.getLong("id"), rs.getString("numero_unique"), rs.getString("guichet"),
                        rs.getString("guichet_nom"), MotifEnvoi.valueOf(rs.getString("motif")),
                        RaisonCourrier.valueOf(rs.getString("raison_courrier")), rs.getTimestamp("cree_le").toInstant(),
                        rs.getString("prenoms"), rs.getString("nom"), rs.getString("code_postal"), rs.getString("commune"),
                        rs.getBoolean("adresse_complete")));
            }
            return list;
        }
    }

    private static String tronquer(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}

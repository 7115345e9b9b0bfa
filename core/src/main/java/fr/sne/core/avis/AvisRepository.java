package fr.sne.core.avis;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The notices ({@code avis_renouvellement}) and their sendings ({@code avis_envoi}); always in a
 * transaction scoped to the territory. Every state change is one conditional statement, so that
 * two nodes (or a node and a desk printing) never take the same sending twice.
 */
@Singleton
class AvisRepository {

    /** An active application whose deadline calls for a notice it has not had yet. */
    record Candidat(String numero, LocalDate echeance, String guichet, boolean compteEnLigne, String mel,
                    String telPortable, boolean premierDu, boolean dernierDu) {
    }

    /** A pending sending cancelled because its application moved on. */
    record Annule(long id, String numero, Canal canal, NatureAvis nature, LocalDate echeance, String motif) {
    }

    /** A sending claimed by this node, with what its message needs. */
    record AEnvoyer(long id, long avis, String numero, LocalDate echeance, NatureAvis nature, Canal canal,
                    String destinataire, int tentatives, String prenoms, String nom, String guichet) {
    }

    /** A sending whose claim expired without an outcome, not to be sent again. */
    record Incertain(long id, String numero, Canal canal, NatureAvis nature, LocalDate echeance) {
    }

    /** One sending as the application's page shows it. */
    record EnvoiLu(long id, NatureAvis nature, LocalDate echeance, Canal canal, EtatEnvoi etat, String destinataire,
                   Instant creeLe, Instant envoyeLe, Instant annuleLe, String motifAnnulation, String erreur, int tentatives) {
    }

    /** A letter waiting in (or printed in) a batch, with what the list and the letter show of the applicant. */
    record Courrier(long id, String numero, Canal canal, NatureAvis nature, LocalDate echeance, String guichet,
                    String guichetNom, Instant depuis, Instant imprimeLe, String prenoms, String nom, String codePostal,
                    String commune, boolean adresseComplete) {
    }

    /** A letter just marked printed. */
    record Imprime(long id, String numero, Canal canal, NatureAvis nature, LocalDate echeance) {
    }

    /** The letters waiting in one batch: a desk's (guichet) or the territory's (guichet null). */
    record Pile(String guichet, String guichetNom, int nombre) {
    }

    /** A printed batch. */
    record Lot(UUID id, Instant imprimeLe, String imprimePar, String guichet, String guichetNom, int nombre) {
    }

    /** Which letters: one batch (a desk's, or the territory's when {@code guichet} is null), or all of the territory. */
    record Selection(String territoire, boolean toutes, String guichet) {
    }

    private final JdbcOperations jdbc;

    AvisRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- planning

    /**
     * Active applications whose deadline lies ahead within two months and that miss the first
     * notice for it, or within one month and miss the last one; by deadline.
     */
    List<Candidat> aPlanifier(String territoire, LocalDate aujourdhui, int limite) {
        return jdbc.prepareStatement("""
                SELECT * FROM (
                  SELECT d.numero_unique, d.date_prochain_renouvellement AS echeance, d.guichet_enregistreur,
                         d.compte_demandeur IS NOT NULL AS compte_en_ligne,
                         d.document -> 'demandeur' ->> 'mel' AS mel, d.document -> 'demandeur' ->> 'telPortable' AS tel,
                         NOT EXISTS (SELECT 1 FROM avis_renouvellement a WHERE a.territoire = d.territoire
                                       AND a.numero_unique = d.numero_unique AND a.date_echeance = d.date_prochain_renouvellement
                                       AND a.nature = 'PREMIER_AVIS') AS premier_du,
                         d.date_prochain_renouvellement <= ?
                           AND NOT EXISTS (SELECT 1 FROM avis_renouvellement a WHERE a.territoire = d.territoire
                                       AND a.numero_unique = d.numero_unique AND a.date_echeance = d.date_prochain_renouvellement
                                       AND a.nature = 'DERNIER_AVIS') AS dernier_du
                    FROM demande d
                   WHERE d.territoire = ? AND d.etat = 'ACTIVE'
                     AND d.date_prochain_renouvellement > ? AND d.date_prochain_renouvellement <= ?) c
                 WHERE premier_du OR dernier_du
                 ORDER BY echeance, numero_unique LIMIT ?""", ps -> {
            ps.setDate(1, Date.valueOf(aujourdhui.plusMonths(1)));
            ps.setString(2, territoire);
            ps.setDate(3, Date.valueOf(aujourdhui));
            ps.setDate(4, Date.valueOf(aujourdhui.plusMonths(2)));
            ps.setInt(5, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<Candidat> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Candidat(rs.getString("numero_unique"), rs.getDate("echeance").toLocalDate(),
                            rs.getString("guichet_enregistreur"), rs.getBoolean("compte_en_ligne"), rs.getString("mel"),
                            rs.getString("tel"), rs.getBoolean("premier_du"), rs.getBoolean("dernier_du")));
                }
                return list;
            }
        });
    }

    /** The notice's id, or empty when it exists already (planned by another run): nothing to add then. */
    Optional<Long> creerAvis(String territoire, String numero, LocalDate echeance, NatureAvis nature, LocalDate aujourdhui) {
        return jdbc.prepareStatement("""
                INSERT INTO avis_renouvellement (territoire, numero_unique, date_echeance, nature, planifie_le)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT avis_renouvellement_uk DO NOTHING RETURNING id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setDate(3, Date.valueOf(echeance));
            ps.setString(4, nature.name());
            ps.setDate(5, Date.valueOf(aujourdhui));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** Adds a sending to a notice (nothing when the notice has that channel already). */
    void creerEnvoi(String territoire, long avis, Canal canal, String destinataire, String guichet, Instant aTenterLe) {
        jdbc.prepareStatement("""
                INSERT INTO avis_envoi (territoire, avis, canal, etat, destinataire, guichet, a_tenter_le)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT avis_envoi_canal_uk DO NOTHING""", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, avis);
            ps.setString(3, canal.name());
            ps.setString(4, canal.numerique() ? EtatEnvoi.A_ENVOYER.name() : EtatEnvoi.A_IMPRIMER.name());
            ps.setString(5, destinataire);
            ps.setString(6, guichet);
            ps.setTimestamp(7, Timestamp.from(aTenterLe));
            return ps.executeUpdate();
        });
    }

    // ---------------------------------------------------------------- sending

    /**
     * Cancels the pending sendings (not yet claimed, not yet printed) whose application was
     * renewed (its deadline moved), radiated, or whose deadline has come.
     */
    List<Annule> annulerPerimes(String territoire, LocalDate aujourdhui, Instant maintenant) {
        return jdbc.prepareStatement("""
                UPDATE avis_envoi e SET etat = 'ANNULE', annule_le = ?, motif_annulation = p.motif
                  FROM (SELECT e2.territoire, e2.id, a.numero_unique, a.nature, a.date_echeance,
                               CASE WHEN d.etat <> 'ACTIVE' THEN 'RADIEE'
                                    WHEN d.date_prochain_renouvellement <> a.date_echeance THEN 'RENOUVELEE'
                                    ELSE 'ECHUE' END AS motif
                          FROM avis_envoi e2
                          JOIN avis_renouvellement a ON a.territoire = e2.territoire AND a.id = e2.avis
                          JOIN demande d ON d.territoire = a.territoire AND d.numero_unique = a.numero_unique
                         WHERE e2.territoire = ? AND e2.etat IN ('A_ENVOYER', 'A_IMPRIMER')
                           AND (d.etat <> 'ACTIVE' OR d.date_prochain_renouvellement <> a.date_echeance
                                OR a.date_echeance <= ?)
                         FOR UPDATE OF e2 SKIP LOCKED) p
                 WHERE e.territoire = p.territoire AND e.id = p.id
                RETURNING e.id, p.numero_unique, e.canal, p.nature, p.date_echeance, p.motif""", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setString(2, territoire);
            ps.setDate(3, Date.valueOf(aujourdhui));
            try (ResultSet rs = ps.executeQuery()) {
                List<Annule> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Annule(rs.getLong(1), rs.getString(2), Canal.valueOf(rs.getString(3)),
                            NatureAvis.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(), rs.getString(6)));
                }
                return list;
            }
        });
    }

    /**
     * Claims taken before {@code abandonAvant} and never recorded: their node died, maybe after
     * the message left. They become INCERTAIN and are never sent again: every such e-mail (SMTP
     * cannot de-duplicate), and the SMS that may no longer be retried — its application was
     * renewed or radiated since, or it already used its {@code tentativesMax} attempts.
     */
    List<Incertain> marquerIncertains(String territoire, Instant abandonAvant, LocalDate aujourdhui, int tentativesMax) {
        return jdbc.prepareStatement("""
                UPDATE avis_envoi e SET etat = 'INCERTAIN',
                       erreur = CASE WHEN e.canal = 'COURRIEL'
                                     THEN 'Envoi interrompu sans résultat : le courriel a pu partir, il n’est pas renvoyé'
                                     ELSE 'Envoi interrompu sans résultat : le SMS a pu partir, il n’est plus renvoyé' END
                  FROM (SELECT e2.territoire, e2.id, a.numero_unique, a.nature, a.date_echeance
                          FROM avis_envoi e2
                          JOIN avis_renouvellement a ON a.territoire = e2.territoire AND a.id = e2.avis
                          JOIN demande d ON d.territoire = a.territoire AND d.numero_unique = a.numero_unique
                         WHERE e2.territoire = ? AND e2.etat = 'EN_COURS' AND e2.pris_le < ?
                           AND (e2.canal = 'COURRIEL' OR e2.tentatives >= ?
                                OR NOT (d.etat = 'ACTIVE' AND d.date_prochain_renouvellement = a.date_echeance
                                        AND a.date_echeance > ?))
                         FOR UPDATE OF e2 SKIP LOCKED) p
                 WHERE e.territoire = p.territoire AND e.id = p.id
                RETURNING e.id, p.numero_unique, e.canal, p.nature, p.date_echeance""", ps -> {
            ps.setString(1, territoire);
            ps.setTimestamp(2, Timestamp.from(abandonAvant));
            ps.setInt(3, tentativesMax);
            ps.setDate(4, Date.valueOf(aujourdhui));
            try (ResultSet rs = ps.executeQuery()) {
                List<Incertain> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Incertain(rs.getLong(1), rs.getString(2), Canal.valueOf(rs.getString(3)),
                            NatureAvis.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate()));
                }
                return list;
            }
        });
    }

    /**
     * Claims up to {@code limite} due e-mails and SMS of applications still awaiting renewal for
     * that deadline, in one statement: a row another node is claiming is skipped, a claimed row
     * is no longer due, so no two claims ever hold the same row. An SMS whose claim expired
     * ({@code abandonAvant}) is claimed again, if it has attempts left ({@code tentativesMax}):
     * its idempotency key makes the retry safe.
     */
    List<AEnvoyer> reclamer(String territoire, UUID jeton, Instant maintenant, Instant abandonAvant, LocalDate aujourdhui,
                            int tentativesMax, int limite) {
        return jdbc.prepareStatement("""
                UPDATE avis_envoi e SET etat = 'EN_COURS', pris_le = ?, jeton = ?, tentatives = e.tentatives + 1
                  FROM (SELECT e2.territoire, e2.id, a.numero_unique, a.date_echeance, a.nature, d.guichet_enregistreur,
                               d.document -> 'demandeur' ->> 'prenoms' AS prenoms,
                               coalesce(nullif(d.document -> 'demandeur' ->> 'nomUsage', ''),
                                        d.document -> 'demandeur' ->> 'nomNaissance') AS nom
                          FROM avis_envoi e2
                          JOIN avis_renouvellement a ON a.territoire = e2.territoire AND a.id = e2.avis
                          JOIN demande d ON d.territoire = a.territoire AND d.numero_unique = a.numero_unique
                         WHERE e2.territoire = ? AND e2.canal IN ('COURRIEL', 'SMS')
                           AND ((e2.etat = 'A_ENVOYER' AND e2.a_tenter_le <= ?)
                                OR (e2.canal = 'SMS' AND e2.etat = 'EN_COURS' AND e2.pris_le < ? AND e2.tentatives < ?))
                           AND d.etat = 'ACTIVE' AND d.date_prochain_renouvellement = a.date_echeance
                           AND a.date_echeance > ?
                         ORDER BY e2.a_tenter_le, e2.id LIMIT ?
                         FOR UPDATE OF e2 SKIP LOCKED) p
                 WHERE e.territoire = p.territoire AND e.id = p.id
                RETURNING e.id, e.avis, p.numero_unique, p.date_echeance, p.nature, e.canal, e.destinataire, e.tentatives,
                          p.prenoms, p.nom, p.guichet_enregistreur""", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setObject(2, jeton);
            ps.setString(3, territoire);
            ps.setTimestamp(4, Timestamp.from(maintenant));
            ps.setTimestamp(5, Timestamp.from(abandonAvant));
            ps.setInt(6, tentativesMax);
            ps.setDate(7, Date.valueOf(aujourdhui));
            ps.setInt(8, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<AEnvoyer> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new AEnvoyer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            NatureAvis.valueOf(rs.getString(5)), Canal.valueOf(rs.getString(6)), rs.getString(7),
                            rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11)));
                }
                list.sort((a, b) -> Long.compare(a.id(), b.id()));
                return list;
            }
        });
    }

    /**
     * Records a sending accepted by the mail server or the operator; only the claim's holder
     * does (its token), also when the claim was meanwhile marked INCERTAIN: then the outcome is
     * known after all. False when the claim is no longer this one's.
     */
    boolean envoye(String territoire, long id, UUID jeton, String reference, Instant maintenant) {
        return jdbc.prepareStatement("""
                UPDATE avis_envoi SET etat = 'ENVOYE', envoye_le = ?, reference = ?, erreur = NULL
                 WHERE territoire = ? AND id = ? AND jeton = ? AND etat IN ('EN_COURS', 'INCERTAIN')""", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setString(2, tronquer(reference, 200));
            ps.setString(3, territoire);
            ps.setLong(4, id);
            ps.setObject(5, jeton);
            return ps.executeUpdate() == 1;
        });
    }

    /** A sending refused for good, or failing too often. */
    boolean echec(String territoire, long id, UUID jeton, String erreur) {
        return jdbc.prepareStatement("""
                UPDATE avis_envoi SET etat = 'ECHEC', erreur = ?
                 WHERE territoire = ? AND id = ? AND jeton = ? AND etat IN ('EN_COURS', 'INCERTAIN')""", ps -> {
            ps.setString(1, tronquer(erreur, 1000));
            ps.setString(2, territoire);
            ps.setLong(3, id);
            ps.setObject(4, jeton);
            return ps.executeUpdate() == 1;
        });
    }

    /** A temporary failure: the sending waits until {@code prochaine}. */
    boolean reporter(String territoire, long id, UUID jeton, Instant prochaine, String erreur) {
        return jdbc.prepareStatement("""
                UPDATE avis_envoi SET etat = 'A_ENVOYER', a_tenter_le = ?, erreur = ?
                 WHERE territoire = ? AND id = ? AND jeton = ? AND etat = 'EN_COURS'""", ps -> {
            ps.setTimestamp(1, Timestamp.from(prochaine));
            ps.setString(2, tronquer(erreur, 1000));
            ps.setString(3, territoire);
            ps.setLong(4, id);
            ps.setObject(5, jeton);
            return ps.executeUpdate() == 1;
        });
    }

    /**
     * When every digital sending of a notice failed, a postal letter carries it instead (in the
     * registering desk's batch, the territory's for the portal's desk). True when one was added.
     */
    boolean courrierDeSecours(String territoire, long avis, String guichet) {
        return jdbc.prepareStatement("""
                INSERT INTO avis_envoi (territoire, avis, canal, etat, guichet)
                SELECT ?, ?, 'COURRIER', 'A_IMPRIMER', ?
                 WHERE NOT EXISTS (SELECT 1 FROM avis_envoi WHERE territoire = ? AND avis = ? AND etat <> 'ECHEC')
                ON CONFLICT ON CONSTRAINT avis_envoi_canal_uk DO NOTHING""", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, avis);
            ps.setString(3, guichet);
            ps.setString(4, territoire);
            ps.setLong(5, avis);
            return ps.executeUpdate() == 1;
        });
    }

    // ---------------------------------------------------------------- the application's page

    /** Every sending of an application's notices, latest deadline first. */
    List<EnvoiLu> duDossier(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT e.id, a.nature, a.date_echeance, e.canal, e.etat, e.destinataire, e.cree_le, e.envoye_le,
                       e.annule_le, e.motif_annulation, e.erreur, e.tentatives
                  FROM avis_renouvellement a JOIN avis_envoi e ON e.territoire = a.territoire AND e.avis = a.id
                 WHERE a.territoire = ? AND a.numero_unique = ?
                 ORDER BY a.date_echeance DESC, a.nature DESC, e.id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                List<EnvoiLu> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new EnvoiLu(rs.getLong(1), NatureAvis.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                            Canal.valueOf(rs.getString(4)), EtatEnvoi.valueOf(rs.getString(5)), rs.getString(6),
                            instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10), rs.getString(11), rs.getInt(12)));
                }
                return list;
            }
        });
    }

    // ---------------------------------------------------------------- letters

    private static final String COURRIER = """
            SELECT e.id, a.numero_unique, e.canal, a.nature, a.date_echeance, e.guichet, g.nom AS guichet_nom, e.cree_le,
                   e.envoye_le,
                   d.document -> 'demandeur' ->> 'prenoms' AS prenoms,
                   coalesce(nullif(d.document -> 'demandeur' ->> 'nomUsage', ''), d.document -> 'demandeur' ->> 'nomNaissance') AS nom,
                   d.document -> 'demandeur' -> 'adresse' ->> 'codePostal' AS code_postal,
                   coalesce(c.nom, d.document -> 'demandeur' -> 'adresse' ->> 'localite') AS commune,
                   (coalesce(d.document -> 'demandeur' -> 'adresse' ->> 'voie', '') <> ''
                    AND coalesce(d.document -> 'demandeur' -> 'adresse' ->> 'codePostal', '') <> '') AS adresse_complete
              FROM avis_envoi e
              JOIN avis_renouvellement a ON a.territoire = e.territoire AND a.id = e.avis
              JOIN demande d ON d.territoire = a.territoire AND d.numero_unique = a.numero_unique
              LEFT JOIN guichet_nom g ON g.code = e.guichet
              LEFT JOIN commune c ON c.code = d.document -> 'demandeur' -> 'adresse' ->> 'communeInsee'
            """;

    /** Waiting letters of the selection, registered letters first, oldest first. */
    List<Courrier> aImprimer(Selection s, int limite) {
        return jdbc.prepareStatement(COURRIER + """
                 WHERE e.territoire = ? AND e.etat = 'A_IMPRIMER' AND (? OR e.guichet IS NOT DISTINCT FROM ?)
                 ORDER BY e.canal DESC, e.id LIMIT ?""", ps -> {
            ps.setString(1, s.territoire());
            ps.setBoolean(2, s.toutes());
            ps.setString(3, s.guichet());
            ps.setInt(4, limite);
            return courriers(ps.executeQuery());
        });
    }

    /** The waiting batches of the selection: how many letters each. */
    List<Pile> piles(Selection s) {
        return jdbc.prepareStatement("""
                SELECT e.guichet, g.nom, count(*) FROM avis_envoi e LEFT JOIN guichet_nom g ON g.code = e.guichet
                 WHERE e.territoire = ? AND e.etat = 'A_IMPRIMER' AND (? OR e.guichet IS NOT DISTINCT FROM ?)
                 GROUP BY e.guichet, g.nom ORDER BY e.guichet NULLS FIRST""", ps -> {
            ps.setString(1, s.territoire());
            ps.setBoolean(2, s.toutes());
            ps.setString(3, s.guichet());
            try (ResultSet rs = ps.executeQuery()) {
                List<Pile> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Pile(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
                return list;
            }
        });
    }

    /**
     * Marks up to {@code limite} waiting letters of one batch printed in {@code lot}, in one
     * statement (two people printing at once never get the same letter); only letters of
     * applications still awaiting renewal for that deadline.
     */
    List<Imprime> marquerImprimes(String territoire, String guichet, UUID lot, String par, Instant maintenant,
                                  LocalDate aujourdhui, int limite) {
        return jdbc.prepareStatement("""
                UPDATE avis_envoi e SET etat = 'IMPRIME', lot = ?, envoye_le = ?, imprime_par = ?
                  FROM (SELECT e2.territoire, e2.id, a.numero_unique, a.nature, a.date_echeance
                          FROM avis_envoi e2
                          JOIN avis_renouvellement a ON a.territoire = e2.territoire AND a.id = e2.avis
                          JOIN demande d ON d.territoire = a.territoire AND d.numero_unique = a.numero_unique
                         WHERE e2.territoire = ? AND e2.etat = 'A_IMPRIMER' AND e2.guichet IS NOT DISTINCT FROM ?
                           AND d.etat = 'ACTIVE' AND d.date_prochain_renouvellement = a.date_echeance
                           AND a.date_echeance > ?
                         ORDER BY e2.canal DESC, e2.id LIMIT ?
                         FOR UPDATE OF e2 SKIP LOCKED) p
                 WHERE e.territoire = p.territoire AND e.id = p.id
                RETURNING e.id, p.numero_unique, e.canal, p.nature, p.date_echeance""", ps -> {
            ps.setObject(1, lot);
            ps.setTimestamp(2, Timestamp.from(maintenant));
            ps.setString(3, par);
            ps.setString(4, territoire);
            ps.setString(5, guichet);
            ps.setDate(6, Date.valueOf(aujourdhui));
            ps.setInt(7, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<Imprime> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Imprime(rs.getLong(1), rs.getString(2), Canal.valueOf(rs.getString(3)),
                            NatureAvis.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate()));
                }
                return list;
            }
        });
    }

    /** The letters of a printed batch within the selection, in printing order (empty otherwise). */
    List<Courrier> duLot(Selection s, UUID lot) {
        return jdbc.prepareStatement(COURRIER + """
                 WHERE e.territoire = ? AND e.lot = ? AND (? OR e.guichet IS NOT DISTINCT FROM ?)
                 ORDER BY e.canal DESC, e.id""", ps -> {
            ps.setString(1, s.territoire());
            ps.setObject(2, lot);
            ps.setBoolean(3, s.toutes());
            ps.setString(4, s.guichet());
            return courriers(ps.executeQuery());
        });
    }

    /** The latest printed batches of the selection, newest first. */
    List<Lot> lots(Selection s, int limite) {
        return jdbc.prepareStatement("""
                SELECT e.lot, min(e.envoye_le), min(e.imprime_par), min(e.guichet), min(g.nom), count(*)
                  FROM avis_envoi e LEFT JOIN guichet_nom g ON g.code = e.guichet
                 WHERE e.territoire = ? AND e.lot IS NOT NULL AND (? OR e.guichet IS NOT DISTINCT FROM ?)
                 GROUP BY e.lot ORDER BY min(e.envoye_le) DESC LIMIT ?""", ps -> {
            ps.setString(1, s.territoire());
            ps.setBoolean(2, s.toutes());
            ps.setString(3, s.guichet());
            ps.setInt(4, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<Lot> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Lot(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6)));
                }
                return list;
            }
        });
    }

    private static List<Courrier> courriers(ResultSet rs) throws SQLException {
        try (rs) {
            List<Courrier> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new Courrier(rs.getLong("id"), rs.getString("numero_unique"), Canal.valueOf(rs.getString("canal")),
                        NatureAvis.valueOf(rs.getString("nature")), rs.getDate("date_echeance").toLocalDate(),
                        rs.getString("guichet"), rs.getString("guichet_nom"), rs.getTimestamp("cree_le").toInstant(),
                        instant(rs, rs.findColumn("envoye_le")), rs.getString("prenoms"), rs.getString("nom"),
                        rs.getString("code_postal"), rs.getString("commune"), rs.getBoolean("adresse_complete")));
            }
            return list;
        }
    }

    private static Instant instant(ResultSet rs, int colonne) throws SQLException {
        Timestamp t = rs.getTimestamp(colonne);
        return t == null ? null : t.toInstant();
    }

    private static String tronquer(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

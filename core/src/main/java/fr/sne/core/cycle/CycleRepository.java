package fr.sne.core.cycle;

import fr.sne.core.demande.DemandeJson;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The lifecycle's reads and writes; always inside a scoped transaction (RLS). */
@Singleton
class CycleRepository {

    /** An application as its lifecycle needs it, read with a row lock. */
    record EtatDemande(String territoire, String numero, String etat, LocalDate dateDepot, LocalDate dernierRenouvellement,
                       LocalDate echeance, String guichet, int version, Long compte, int tailleMenage, List<String> types,
                       String communePrincipale, boolean prioritaire, String typeGuichetEnregistreur,
                       DemandeJson.Demandeur demandeur) {
        boolean active() {
            return "ACTIVE".equals(etat);
        }
    }

    /** What the anonymous statistics row of a radiation holds. */
    record Statistique(LocalDate moisDepot, LocalDate moisRadiation, MotifRadiation motif, MotifRadiation.SousMotif sousMotif,
                       int tailleMenage, List<String> types, String communePrincipale, boolean prioritaire,
                       String typeGuichetEnregistreur, String typeGuichetRadiation, String contingent) {
    }

    /** A warning event (AVERAD) of the shared history. */
    record Avertissement(long id, LocalDate date) {
    }

    /** A purged application's tombstone. */
    record Purgee(String motif, LocalDate dateRadiation, java.time.Instant purgeeLe) {
    }

    /** A candidate of a job: an application number and the key it is paged by. */
    record Candidat(String numero, LocalDate date) {
        /** Before every candidate. */
        static final Candidat DEBUT = new Candidat("", LocalDate.of(1900, 1, 1));
    }

    private static final String COLONNES_ETAT = """
            SELECT d.territoire, d.numero_unique, d.etat, d.date_depot, d.date_dernier_renouvellement,
                   d.date_prochain_renouvellement, d.guichet_enregistreur, d.version, d.compte_demandeur, d.taille_menage,
                   d.types_logement, d.communes_souhaitees[1] AS commune, d.prioritaire,
                   (SELECT g.type FROM guichet_nom g WHERE g.code = d.guichet_enregistreur) AS type_guichet,
                   (d.document -> 'demandeur')::text AS demandeur
              FROM demande d WHERE d.territoire = ? AND d.numero_unique = ?""";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    CycleRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The application, its row locked until the transaction ends (a concurrent change waits). */
    Optional<EtatDemande> verrouiller(String territoire, String numero) {
        return etat(COLONNES_ETAT + " FOR UPDATE OF d", territoire, numero);
    }

    /** The same, unless another transaction holds it (a job skips what somebody is changing). */
    Optional<EtatDemande> verrouillerSiLibre(String territoire, String numero) {
        return etat(COLONNES_ETAT + " FOR UPDATE OF d SKIP LOCKED", territoire, numero);
    }

    private Optional<EtatDemande> etat(String sql, String territoire, String numero) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<EtatDemande>empty();
                }
                long compte = rs.getLong("compte_demandeur");
                Long c = rs.wasNull() ? null : compte;
                return Optional.of(new EtatDemande(rs.getString("territoire"), rs.getString("numero_unique"), rs.getString("etat"),
                        date(rs, "date_depot"), date(rs, "date_dernier_renouvellement"), date(rs, "date_prochain_renouvellement"),
                        rs.getString("guichet_enregistreur"), rs.getInt("version"), c, rs.getInt("taille_menage"),
                        texte(rs.getArray("types_logement")), rs.getString("commune"), rs.getBoolean("prioritaire"),
                        rs.getString("type_guichet"), demandeur(rs.getString("demandeur"))));
            }
        });
    }

    void renouveler(String territoire, String numero, LocalDate jour, LocalDate echeance) {
        jdbc.prepareStatement("""
                UPDATE demande SET etat = 'ACTIVE', date_dernier_renouvellement = ?, date_prochain_renouvellement = ?, modifie_le = now()
                 WHERE territoire = ? AND numero_unique = ?""", ps -> {
            ps.setDate(1, Date.valueOf(jour));
            ps.setDate(2, Date.valueOf(echeance));
            ps.setString(3, territoire);
            ps.setString(4, numero);
            return ps.executeUpdate();
        });
    }

    /** Radiates an active application; false when it is no longer active. */
    boolean radier(String territoire, String numero) {
        return jdbc.prepareStatement("""
                UPDATE demande SET etat = 'RADIEE', modifie_le = now()
                 WHERE territoire = ? AND numero_unique = ? AND etat = 'ACTIVE'""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            return ps.executeUpdate() == 1;
        });
    }

    /** Restores a radiated application with the given deadline; false when it is not radiated. */
    boolean retablir(String territoire, String numero, LocalDate echeance) {
        return jdbc.prepareStatement("""
                UPDATE demande SET etat = 'ACTIVE', date_prochain_renouvellement = ?, modifie_le = now()
                 WHERE territoire = ? AND numero_unique = ? AND etat = 'RADIEE'""", ps -> {
            ps.setDate(1, Date.valueOf(echeance));
            ps.setString(2, territoire);
            ps.setString(3, numero);
            return ps.executeUpdate() == 1;
        });
    }

    long statistique(String territoire, Statistique s) {
        return jdbc.prepareStatement("""
                INSERT INTO radiation_statistique (territoire, mois_depot, mois_radiation, motif, sous_motif, taille_menage,
                       types_logement, commune_principale, prioritaire, type_guichet_enregistreur, type_guichet_radiation, contingent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setString(1, territoire);
            ps.setDate(2, Date.valueOf(s.moisDepot()));
            ps.setDate(3, Date.valueOf(s.moisRadiation()));
            ps.setString(4, s.motif().name());
            ps.setString(5, s.sousMotif() == null ? null : s.sousMotif().name());
            ps.setShort(6, (short) s.tailleMenage());
            ps.setArray(7, ps.getConnection().createArrayOf("varchar", s.types().toArray()));
            ps.setString(8, s.communePrincipale());
            ps.setBoolean(9, s.prioritaire());
            ps.setString(10, s.typeGuichetEnregistreur());
            ps.setString(11, s.typeGuichetRadiation());
            ps.setString(12, s.contingent());
            return id(ps);
        });
    }

    void annulerStatistique(String territoire, long id) {
        jdbc.prepareStatement("UPDATE radiation_statistique SET annulee = true WHERE territoire = ? AND id = ?", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    long inserer(String territoire, Radiation r) {
        return jdbc.prepareStatement("""
                INSERT INTO radiation (territoire, numero_unique, motif, sous_motif, date_radiation, echeance, guichet, type_guichet,
                       auteur, auteur_libelle, commentaire, date_renonciation, evenement_avertissement, date_avertissement,
                       date_signature_bail, rpls, logement_adresse, logement_type, logement_surface, logement_loyer, contingent,
                       reservataire, date_commission, statistique_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, r.numero());
            ps.setString(3, r.motif().name());
            ps.setString(4, r.sousMotif() == null ? null : r.sousMotif().name());
            ps.setDate(5, Date.valueOf(r.date()));
            ps.setDate(6, Date.valueOf(r.echeance()));
            ps.setString(7, r.guichet());
            ps.setString(8, r.typeGuichet());
            ps.setString(9, r.auteur());
            ps.setString(10, r.auteurLibelle());
            ps.setString(11, r.commentaire());
            setDate(ps, 12, r.dateRenonciation());
            if (r.evenementAvertissement() == null) {
                ps.setNull(13, Types.BIGINT);
            } else {
                ps.setLong(13, r.evenementAvertissement());
            }
            setDate(ps, 14, r.dateAvertissement());
            DemandeRadiation.Attribution a = r.attribution();
            DemandeRadiation.Logement l = a == null ? null : a.logement();
            setDate(ps, 15, a == null ? null : a.dateSignatureBail());
            ps.setString(16, a == null ? null : a.rpls());
            ps.setString(17, l == null ? null : l.adresse());
            ps.setString(18, l == null ? null : l.type());
            ps.setBigDecimal(19, l == null ? null : l.surface());
            ps.setBigDecimal(20, l == null ? null : l.loyer());
            ps.setString(21, a == null ? null : a.contingent());
            ps.setString(22, a == null ? null : a.reservataire());
            setDate(ps, 23, a == null ? null : a.dateCommission());
            ps.setLong(24, r.statistiqueId());
            return id(ps);
        });
    }

    void lever(String territoire, long id, Radiation.TypeLevee type, String par, String parLibelle, String motif) {
        jdbc.prepareStatement("""
                UPDATE radiation SET levee_type = ?, levee_le = now(), levee_par = ?, levee_par_libelle = ?, levee_motif = ?
                 WHERE territoire = ? AND id = ? AND levee_le IS NULL""", ps -> {
            ps.setString(1, type.name());
            ps.setString(2, par);
            ps.setString(3, parLibelle);
            ps.setString(4, motif);
            ps.setString(5, territoire);
            ps.setLong(6, id);
            return ps.executeUpdate();
        });
    }

    Optional<Radiation> enVigueur(String territoire, String numero) {
        return radiations(territoire, numero).stream().filter(Radiation::enVigueur).findFirst();
    }

    /** Every radiation of the application, the latest first. */
    List<Radiation> radiations(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT * FROM radiation WHERE territoire = ? AND numero_unique = ? ORDER BY id DESC""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                List<Radiation> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(radiation(rs));
                }
                return list;
            }
        });
    }

    /** The latest warning (AVERAD, not deleted) dated on or before {@code auPlusTard}. */
    Optional<Avertissement> avertissement(String territoire, String numero, LocalDate auPlusTard) {
        return jdbc.prepareStatement("""
                SELECT id, date_survenance FROM evenement
                 WHERE territoire = ? AND numero_unique = ? AND code = 'AVERAD' AND supprime_le IS NULL AND date_survenance <= ?
                 ORDER BY date_survenance DESC, id DESC LIMIT 1""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setDate(3, Date.valueOf(auPlusTard));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Avertissement(rs.getLong(1), rs.getDate(2).toLocalDate()))
                        : Optional.<Avertissement>empty();
            }
        });
    }

    Optional<Purgee> purgee(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT motif, date_radiation, purgee_le FROM demande_purgee WHERE territoire = ? AND numero_unique = ?""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Purgee(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getTimestamp(3).toInstant()))
                        : Optional.<Purgee>empty();
            }
        });
    }

    /** Active applications whose deadline is before {@code jour}, after the key ({@code apres}, {@code numero}), by deadline. */
    List<Candidat> echues(String territoire, LocalDate jour, Candidat apres, int limite) {
        return jdbc.prepareStatement("""
                SELECT numero_unique, date_prochain_renouvellement FROM demande
                 WHERE territoire = ? AND etat = 'ACTIVE' AND date_prochain_renouvellement < ?
                   AND (date_prochain_renouvellement, numero_unique) > (?, ?)
                 ORDER BY date_prochain_renouvellement, numero_unique LIMIT ?""", ps -> {
            ps.setString(1, territoire);
            ps.setDate(2, Date.valueOf(jour));
            ps.setDate(3, Date.valueOf(apres.date()));
            ps.setString(4, apres.numero());
            ps.setInt(5, limite);
            return candidats(ps);
        });
    }

    /** Radiations in force due for purge on {@code jour} (the rule of V16's sne_purger_demande), oldest first. */
    List<Candidat> aPurger(String territoire, LocalDate jour, Candidat apres, int limite) {
        return jdbc.prepareStatement("""
                SELECT numero_unique, date_radiation FROM radiation
                 WHERE territoire = ? AND levee_le IS NULL AND date_radiation + interval '1 year' <= ?
                   AND (motif <> 'RADREN' OR echeance + interval '18 months' < ?)
                   AND (date_radiation, numero_unique) > (?, ?)
                 ORDER BY date_radiation, numero_unique LIMIT ?""", ps -> {
            ps.setString(1, territoire);
            ps.setDate(2, Date.valueOf(jour));
            ps.setDate(3, Date.valueOf(jour));
            ps.setDate(4, Date.valueOf(apres.date()));
            ps.setString(5, apres.numero());
            ps.setInt(6, limite);
            return candidats(ps);
        });
    }

    /** Purges one due application (V16 sne_purger_demande); false when it is not (or no longer) due. */
    boolean purger(String territoire, String numero, LocalDate jour) {
        return jdbc.prepareStatement("SELECT sne_purger_demande(?, ?, ?)", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setDate(3, Date.valueOf(jour));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private static List<Candidat> candidats(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Candidat> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new Candidat(rs.getString(1), rs.getDate(2).toLocalDate()));
            }
            return list;
        }
    }

    private static Radiation radiation(ResultSet rs) throws SQLException {
        DemandeRadiation.Attribution attribution = null;
        if ("RADATT".equals(rs.getString("motif"))) {
            BigDecimal surface = rs.getBigDecimal("logement_surface");
            DemandeRadiation.Logement logement = rs.getString("logement_adresse") == null && surface == null ? null
                    : new DemandeRadiation.Logement(rs.getString("logement_adresse"), rs.getString("logement_type"),
                    surface, rs.getBigDecimal("logement_loyer"));
            attribution = new DemandeRadiation.Attribution(date(rs, "date_signature_bail"), rs.getString("rpls"), logement,
                    rs.getString("contingent"), rs.getString("reservataire"), date(rs, "date_commission"));
        }
        Timestamp levee = rs.getTimestamp("levee_le");
        return new Radiation(rs.getLong("id"), rs.getString("numero_unique"), MotifRadiation.valueOf(rs.getString("motif")),
                rs.getString("sous_motif") == null ? null : MotifRadiation.SousMotif.valueOf(rs.getString("sous_motif")),
                date(rs, "date_radiation"), date(rs, "echeance"), rs.getString("guichet"), rs.getString("type_guichet"),
                rs.getString("auteur"), rs.getString("auteur_libelle"), rs.getString("commentaire"),
                date(rs, "date_renonciation"), (Long) rs.getObject("evenement_avertissement"), date(rs, "date_avertissement"), attribution, rs.getLong("statistique_id"),
                rs.getTimestamp("cree_le").toInstant(),
                levee == null ? null : new Radiation.Levee(Radiation.TypeLevee.valueOf(rs.getString("levee_type")),
                        levee.toInstant(), rs.getString("levee_par"), rs.getString("levee_par_libelle"), rs.getString("levee_motif")));
    }

    private static long id(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    private static LocalDate date(ResultSet rs, String colonne) throws SQLException {
        Date d = rs.getDate(colonne);
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> texte(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private DemandeJson.Demandeur demandeur(String document) {
        if (document == null) {
            return null;
        }
        try {
            return json.readValue(document, Argument.of(DemandeJson.Demandeur.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

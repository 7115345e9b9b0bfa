package fr.sne.core.export;

import fr.sne.core.demande.DemandeJson;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an export reads, one batch of applications at a time (keyset on the number, the
 * primary key's order) with a bounded fetch size; inside a read-only scoped transaction.
 */
@Singleton
class LectureExport {

    static final int TAILLE_FETCH = 200;

    /** The rows to export: the territory, optionally one state, the wished communes (null: all). */
    record Filtre(String territoire, String etat, List<String> communes, List<String> departements) {
    }

    /** An event row. */
    record Evenement(long id, String numero, String code, String origine, java.time.LocalDate dateSurvenance,
                     String guichet, String commentaire) {
    }

    /** Priority data of one application. */
    record Priorite(String numero, String statutDalo, java.time.LocalDate dateDecisionDalo, java.time.LocalDate dateFinDalo,
                    List<String> categories, List<String> labels, List<String> contingents) {
    }

    /** A radiation in force (with its attribution for RADATT). */
    record Radiation(String numero, String motif, String sousMotif, java.time.LocalDate dateRadiation,
                     java.time.LocalDate dateSignatureBail, String rpls, String logementAdresse, String logementType,
                     String logementSurface, String logementLoyer, String contingent, String reservataire,
                     java.time.LocalDate dateCommission) {
    }

    /**
     * A supporting document's description (never its bytes): non-deleted documents whose type is
     * not sensitive, as vendors' systems may list them (PiecePolicy).
     */
    record Piece(long id, String numero, String nomFichier, String typeMime, long taille, Integer pages, String categorie,
                 String type, java.time.LocalDate finValidite, String deposant, java.time.Instant deposeLe,
                 String indicePertinence, Boolean nirDetecte, String sha256, String sousDocuments) {
    }

    private static final String[] TYPES_SENSIBLES = java.util.Arrays.stream(fr.sne.documents.catalogue.TypePiece.values())
            .filter(fr.sne.documents.catalogue.TypePiece::sensible).map(Enum::name).toArray(String[]::new);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    LectureExport(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static final String CONDITIONS = " " + """
             WHERE territoire = ? AND (?::text IS NULL OR etat = ?)
               AND (?::varchar[] IS NULL OR communes_souhaitees && ?::varchar[])
               AND (?::varchar[] IS NULL OR communes_souhaitees && ARRAY(SELECT code FROM commune
                                                                       WHERE departement = ANY (?::varchar[]))::varchar[])""";

    int compter(Filtre f) {
        return jdbc.prepareStatement("SELECT count(*) FROM demande" + CONDITIONS, ps -> {
            parametres(ps, f);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The next applications after the number {@code apres} (empty string: from the start). */
    List<DemandeJson.Demande> demandes(Filtre f, String apres, int limite) {
        return jdbc.prepareStatement("""
                SELECT territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_dernier_renouvellement,
                       date_prochain_renouvellement, document::text AS document, version
                  FROM demande""" + CONDITIONS + " AND numero_unique > ? ORDER BY numero_unique LIMIT ?", ps -> {
            int n = parametres(ps, f);
            ps.setString(n, apres);
            ps.setInt(n + 1, limite);
            ps.setFetchSize(TAILLE_FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                List<DemandeJson.Demande> list = new ArrayList<>(limite);
                while (rs.next()) {
                    list.add(demande(rs));
                }
                return list;
            }
        });
    }

    List<Evenement> evenements(String territoire, List<String> numeros) {
        return jdbc.prepareStatement("""
                SELECT id, numero_unique, code, origine, date_survenance, guichet, commentaire FROM evenement
                 WHERE territoire = ? AND numero_unique = ANY (?) AND supprime_le IS NULL
                 ORDER BY numero_unique, date_survenance, id""", ps -> {
            lot(ps, territoire, numeros);
            try (ResultSet rs = ps.executeQuery()) {
                List<Evenement> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Evenement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)));
                }
                return list;
            }
        });
    }

    List<Priorite> priorites(String territoire, List<String> numeros) {
        return jdbc.prepareStatement("""
                SELECT numero_unique, statut_dalo, date_decision_dalo, date_fin_dalo, categories, labels, contingents
                  FROM priorite_demande WHERE territoire = ? AND numero_unique = ANY (?) ORDER BY numero_unique""", ps -> {
            lot(ps, territoire, numeros);
            try (ResultSet rs = ps.executeQuery()) {
                List<Priorite> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Priorite(rs.getString(1), rs.getString(2), date(rs.getDate(3)), date(rs.getDate(4)),
                            textes(rs.getArray(5)), textes(rs.getArray(6)), textes(rs.getArray(7))));
                }
                return list;
            }
        });
    }

    List<Radiation> radiations(String territoire, List<String> numeros) {
        return jdbc.prepareStatement("""
                SELECT numero_unique, motif, sous_motif, date_radiation, date_signature_bail, rpls, logement_adresse,
                       logement_type, logement_surface::text, logement_loyer::text, contingent, reservataire, date_commission
                  FROM radiation WHERE territoire = ? AND numero_unique = ANY (?) AND levee_le IS NULL
                 ORDER BY numero_unique, id""", ps -> {
            lot(ps, territoire, numeros);
            try (ResultSet rs = ps.executeQuery()) {
                List<Radiation> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Radiation(rs.getString(1), rs.getString(2), rs.getString(3), date(rs.getDate(4)),
                            date(rs.getDate(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), date(rs.getDate(13))));
                }
                return list;
            }
        });
    }

    List<Piece> pieces(String territoire, List<String> numeros) {
        return jdbc.prepareStatement("""
                SELECT id, numero_unique, nom_fichier, type_mime, taille, pages, categorie, type, fin_validite, deposant, depose_le,
                       indice_pertinence, nir_detecte, sha256, sous_documents::text
                  FROM piece_justificative
                 WHERE territoire = ? AND numero_unique = ANY (?) AND supprime_le IS NULL
                   AND (type IS NULL OR type <> ALL (?))
                 ORDER BY numero_unique, depose_le, id""", ps -> {
            lot(ps, territoire, numeros);
            ps.setArray(3, ps.getConnection().createArrayOf("text", TYPES_SENSIBLES));
            try (ResultSet rs = ps.executeQuery()) {
                List<Piece> list = new ArrayList<>();
                while (rs.next()) {
                    int pages = rs.getInt(6);
                    Integer p = rs.wasNull() ? null : pages;
                    boolean nir = rs.getBoolean(13);
                    Boolean n = rs.wasNull() ? null : nir;
                    list.add(new Piece(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), p,
                            rs.getString(7), rs.getString(8), date(rs.getDate(9)), rs.getString(10),
                            rs.getTimestamp(11).toInstant(), rs.getString(12), n, rs.getString(14), rs.getString(15)));
                }
                return list;
            }
        });
    }

    private static int parametres(PreparedStatement ps, Filtre f) throws SQLException {
        ps.setString(1, f.territoire());
        ps.setString(2, f.etat());
        ps.setString(3, f.etat());
        Array communes = f.communes() == null ? null : ps.getConnection().createArrayOf("varchar", f.communes().toArray());
        ps.setArray(4, communes);
        ps.setArray(5, communes);
        Array departements = f.departements() == null ? null : ps.getConnection().createArrayOf("varchar", f.departements().toArray());
        ps.setArray(6, departements);
        ps.setArray(7, departements);
        return 8;
    }

    private static void lot(PreparedStatement ps, String territoire, List<String> numeros) throws SQLException {
        ps.setString(1, territoire);
        ps.setArray(2, ps.getConnection().createArrayOf("varchar", numeros.toArray()));
    }

    private DemandeJson.Demande demande(ResultSet rs) throws SQLException {
        DemandeJson.Contenu contenu;
        try {
            contenu = json.readValue(rs.getString("document"), Argument.of(DemandeJson.Contenu.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Date renouvellement = rs.getDate("date_dernier_renouvellement");
        return new DemandeJson.Demande(rs.getString("numero_unique"), rs.getString("territoire"), rs.getString("etat"),
                rs.getDate("date_depot").toLocalDate(), renouvellement == null ? null : renouvellement.toLocalDate(),
                rs.getDate("date_prochain_renouvellement").toLocalDate(), rs.getString("guichet_enregistreur"),
                rs.getInt("version"), contenu);
    }

    private static java.time.LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> textes(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }
}

package fr.sne.core.piece;

import fr.sne.documents.analyse.FormatPiece;
import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.Deposant;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Documents and their history; always inside a scoped transaction (RLS). */
@Singleton
class PieceRepository {

    /** The application a document belongs to, as far as rules need it. */
    record Cible(String territoire, String numero, String etat, Long compte) {
    }

    /** Who acted: the audit's actor id, a label for professionals, the desk (null: applicant, GT, system). */
    record Auteur(String id, String libelle, String guichet) {
    }

    /** A history row as stored. */
    record Trace(long pieceId, NatureAction nature, Instant horodatage, String acteur, String acteurLibelle,
                 String guichet, Map<String, Object> detail) {
    }

    /** A new document's row. */
    record Nouvelle(String territoire, String numero, String sha256, String cle, String nomFichier, FormatPiece format,
                    long taille, CategoriePiece categorie, TypePiece type, LocalDate finValidite, Deposant deposant,
                    Auteur auteur) {
    }

    /** What the analysis found, as written on the row. */
    record Resultat(Integer pages, String langue, Map<String, String> metadonnees, TypePiece typeSuggere,
                    Integer anneeRevenus, Long revenuFiscalReference, LocalDate finValidite, boolean nirDetecte,
                    String cleMasquee, String cleApercu, String typeMimeApercu) {
    }

    /** A document's keys, for the reconciliation and the purge. */
    record Cles(long id, String numero, String cleObjet, String cleMasquee, String cleApercu, String typeMimeApercu,
                boolean manquant) {
    }

    private static final String COLONNES = """
            id, territoire, numero_unique, nom_fichier, type_mime, format, taille, pages, sha256, categorie, type,
            type_suggere, fin_validite, deposant, depose_par, depose_par_libelle, guichet, depose_le, indice_pertinence,
            commentaire, sous_documents::text, analyse_statut, langue, metadonnees::text, annee_revenus,
            revenu_fiscal_reference, nir_detecte, cle_masquee IS NOT NULL, cle_apercu IS NOT NULL,
            objet_manquant_le IS NOT NULL, supprime_le, version""";
    private static final String SELECTION = "SELECT " + COLONNES + " FROM piece_justificative ";

    private static final Argument<List<SousDocument>> SOUS_DOCUMENTS = Argument.listOf(SousDocument.class);
    private static final Argument<Map<String, String>> METADONNEES = Argument.mapOf(String.class, String.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    PieceRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The application of that number, if the transaction's scope sees it. */
    Optional<Cible> cible(String numero) {
        return jdbc.prepareStatement("SELECT territoire, numero_unique, etat, compte_demandeur FROM demande WHERE numero_unique = ?",
                ps -> {
                    ps.setString(1, numero);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        long compte = rs.getLong(4);
                        return Optional.of(new Cible(rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : compte));
                    }
                });
    }

    Optional<PieceJustificative> trouver(String territoire, String numero, long id) {
        return jdbc.prepareStatement(SELECTION + "WHERE territoire = ? AND id = ? AND numero_unique = ?",
                ps -> {
                    ps.setString(1, territoire);
                    ps.setLong(2, id);
                    ps.setString(3, numero);
                    return une(ps);
                });
    }

    Optional<PieceJustificative> trouver(String territoire, long id) {
        return jdbc.prepareStatement(SELECTION + "WHERE territoire = ? AND id = ?", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, id);
            return une(ps);
        });
    }

    /** The document of these bytes on the application, unless deleted. */
    Optional<PieceJustificative> parEmpreinte(String territoire, String numero, String sha256) {
        return jdbc.prepareStatement(SELECTION + """
                WHERE territoire = ? AND numero_unique = ? AND sha256 = ? AND supprime_le IS NULL""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setString(3, sha256);
            return une(ps);
        });
    }

    /** The application's documents, oldest first; deleted ones only when asked. */
    List<PieceJustificative> lister(String territoire, String numero, boolean avecSupprimees) {
        return jdbc.prepareStatement(SELECTION + """
                WHERE territoire = ? AND numero_unique = ? AND (? OR supprime_le IS NULL)
                 ORDER BY depose_le, id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setBoolean(3, avecSupprimees);
            try (ResultSet rs = ps.executeQuery()) {
                List<PieceJustificative> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(piece(rs));
                }
                return list;
            }
        });
    }

    long inserer(Nouvelle n) {
        return jdbc.prepareStatement("""
                INSERT INTO piece_justificative (territoire, numero_unique, sha256, cle_objet, nom_fichier, type_mime, format, taille,
                                                 categorie, type, fin_validite, deposant, depose_par, depose_par_libelle, guichet)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setString(1, n.territoire());
            ps.setString(2, n.numero());
            ps.setString(3, n.sha256());
            ps.setString(4, n.cle());
            ps.setString(5, n.nomFichier());
            ps.setString(6, n.format().typeMime());
            ps.setString(7, n.format().name());
            ps.setLong(8, n.taille());
            ps.setString(9, n.categorie() == null ? null : n.categorie().name());
            ps.setString(10, n.type() == null ? null : n.type().name());
            ps.setDate(11, n.finValidite() == null ? null : Date.valueOf(n.finValidite()));
            ps.setString(12, n.deposant().name());
            ps.setString(13, n.auteur().id());
            ps.setString(14, n.auteur().libelle());
            ps.setString(15, n.auteur().guichet());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void tracer(String territoire, String numero, long pieceId, NatureAction nature, Auteur auteur, Map<String, ?> detail) {
        jdbc.prepareStatement("""
                INSERT INTO piece_action (territoire, piece_id, numero_unique, action, acteur, acteur_libelle, guichet, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, pieceId);
            ps.setString(3, numero);
            ps.setString(4, nature.name());
            ps.setString(5, auteur.id());
            ps.setString(6, auteur.libelle());
            ps.setString(7, auteur.guichet());
            ps.setString(8, detail == null || detail.isEmpty() ? null : ecrire(detail));
            return ps.executeUpdate();
        });
    }

    /** The history of one document, or of every document of the application ({@code pieceId} null), oldest first. */
    List<Trace> historique(String territoire, String numero, Long pieceId) {
        return jdbc.prepareStatement("""
                SELECT piece_id, action, horodatage, acteur, acteur_libelle, guichet, detail::text FROM piece_action
                 WHERE territoire = ? AND numero_unique = ? AND (?::bigint IS NULL OR piece_id = ?::bigint)
                 ORDER BY horodatage, id""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            if (pieceId == null) {
                ps.setNull(3, Types.BIGINT);
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(3, pieceId);
                ps.setLong(4, pieceId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Trace> list = new ArrayList<>();
                while (rs.next()) {
                    String detail = rs.getString(7);
                    list.add(new Trace(rs.getLong(1), NatureAction.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            detail == null ? Map.of() : lire(detail, Argument.mapOf(String.class, Object.class))));
                }
                return list;
            }
        });
    }

    /** Writes a desk's qualification if the row is still at {@code versionAttendue}; false otherwise. */
    boolean qualifier(String territoire, long id, int versionAttendue, Qualification q) {
        return jdbc.prepareStatement("""
                UPDATE piece_justificative SET type = ?, categorie = ?, fin_validite = ?, indice_pertinence = ?, commentaire = ?,
                                               sous_documents = ?::jsonb, version = version + 1
                 WHERE territoire = ? AND id = ? AND version = ? AND supprime_le IS NULL""", ps -> {
            ps.setString(1, q.type() == null ? null : q.type().name());
            ps.setString(2, q.categorie() == null ? null : q.categorie().name());
            ps.setDate(3, q.finValidite() == null ? null : Date.valueOf(q.finValidite()));
            ps.setString(4, q.indicePertinence().name());
            ps.setString(5, q.commentaire());
            ps.setString(6, ecrire(q.sousDocuments()));
            ps.setString(7, territoire);
            ps.setLong(8, id);
            ps.setInt(9, versionAttendue);
            return ps.executeUpdate() == 1;
        });
    }

    boolean supprimer(String territoire, long id, String par, Instant le) {
        return jdbc.prepareStatement("""
                UPDATE piece_justificative SET supprime_le = ?, supprime_par = ?, version = version + 1
                 WHERE territoire = ? AND id = ? AND supprime_le IS NULL""", ps -> {
            ps.setTimestamp(1, Timestamp.from(le));
            ps.setString(2, par);
            ps.setString(3, territoire);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        });
    }

    // ---- analysis job

    /**
     * Claims a document for analysis: waiting (past its retry delay, if any), or in progress past
     * its lease (a node died). One statement, so two runners never both get it; returns the
     * attempt's number, or empty. {@code analyse_bail_jusqua}: the lease while in progress, the
     * earliest retry while waiting after a failure.
     */
    Optional<Integer> reclamer(String territoire, long id, Instant maintenant, Instant bail) {
        return jdbc.prepareStatement("""
                UPDATE piece_justificative SET analyse_statut = 'EN_COURS', analyse_tentatives = analyse_tentatives + 1,
                                               analyse_bail_jusqua = ?
                 WHERE territoire = ? AND id = ? AND supprime_le IS NULL AND analyse_statut IN ('EN_ATTENTE', 'EN_COURS')
                   AND (analyse_bail_jusqua IS NULL OR analyse_bail_jusqua < ?)
                RETURNING analyse_tentatives""", ps -> {
            ps.setTimestamp(1, Timestamp.from(bail));
            ps.setString(2, territoire);
            ps.setLong(3, id);
            ps.setTimestamp(4, Timestamp.from(maintenant));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        });
    }

    /**
     * Candidates of the sweep, oldest first: waiting, or in progress past their lease. Locked
     * rows (another runner's claim in progress) are skipped.
     */
    List<Long> aAnalyser(String territoire, Instant maintenant, int limite) {
        return jdbc.prepareStatement("""
                SELECT id FROM piece_justificative
                 WHERE territoire = ? AND supprime_le IS NULL AND analyse_statut IN ('EN_ATTENTE', 'EN_COURS')
                   AND (analyse_bail_jusqua IS NULL OR analyse_bail_jusqua < ?)
                 ORDER BY depose_le LIMIT ? FOR UPDATE SKIP LOCKED""", ps -> {
            ps.setString(1, territoire);
            ps.setTimestamp(2, Timestamp.from(maintenant));
            ps.setInt(3, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        });
    }

    /** In-progress analyses past their lease that used every attempt: failed for good. */
    int abandonner(String territoire, Instant maintenant, int tentativesMax) {
        return jdbc.prepareStatement("""
                UPDATE piece_justificative SET analyse_statut = 'ECHEC', analyse_bail_jusqua = NULL, analyse_le = ?,
                                               analyse_erreur = 'Analyse interrompue ' || analyse_tentatives || ' fois'
                 WHERE territoire = ? AND analyse_statut = 'EN_COURS' AND analyse_bail_jusqua < ? AND analyse_tentatives >= ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(maintenant));
            ps.setString(2, territoire);
            ps.setTimestamp(3, Timestamp.from(maintenant));
            ps.setInt(4, tentativesMax);
            return ps.executeUpdate();
        });
    }

    /**
     * Records the results if this attempt still owns the claim; the type is set only when nobody
     * gave one (its category with it), the validity end date only when none was given. The
     * version moves on: a desk's form read before the analysis must be read again.
     */
    boolean terminer(String territoire, long id, int tentative, Resultat r, Instant le) {
        return jdbc.prepareStatement("""
                UPDATE piece_justificative SET analyse_statut = 'TERMINEE', analyse_bail_jusqua = NULL, analyse_le = ?,
                       analyse_erreur = NULL, pages = coalesce(?, pages), langue = ?, metadonnees = ?::jsonb, type_suggere = ?,
                       annee_revenus = ?, revenu_fiscal_reference = ?, nir_detecte = ?, cle_masquee = ?, cle_apercu = ?,
                       type_mime_apercu = ?,
                       categorie = CASE WHEN type IS NULL AND ?::text IS NOT NULL AND (categorie IS NULL OR categorie = ?)
                                        THEN ? ELSE categorie END,
                       type = CASE WHEN type IS NULL AND (categorie IS NULL OR categorie = ?) THEN ? ELSE type END,
                       fin_validite = coalesce(fin_validite, ?),
                       version = version + 1
                 WHERE territoire = ? AND id = ? AND analyse_statut = 'EN_COURS' AND analyse_tentatives = ?""", ps -> {
            String type = r.typeSuggere() == null ? null : r.typeSuggere().name();
            String categorie = r.typeSuggere() == null ? null : r.typeSuggere().categorie().name();
            ps.setTimestamp(1, Timestamp.from(le));
            if (r.pages() == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setInt(2, r.pages());
            }
            ps.setString(3, r.langue());
            ps.setString(4, r.metadonnees() == null || r.metadonnees().isEmpty() ? null : ecrire(r.metadonnees()));
            ps.setString(5, type);
            if (r.anneeRevenus() == null) {
                ps.setNull(6, Types.SMALLINT);
            } else {
                ps.setInt(6, r.anneeRevenus());
            }
            if (r.revenuFiscalReference() == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, r.revenuFiscalReference());
            }
            ps.setBoolean(8, r.nirDetecte());
            ps.setString(9, r.cleMasquee());
            ps.setString(10, r.cleApercu());
            ps.setString(11, r.typeMimeApercu());
            ps.setString(12, type);
            ps.setString(13, categorie);
            ps.setString(14, categorie);
            ps.setString(15, categorie);
            ps.setString(16, type);
            ps.setDate(17, r.finValidite() == null ? null : Date.valueOf(r.finValidite()));
            ps.setString(18, territoire);
            ps.setLong(19, id);
            ps.setInt(20, tentative);
            return ps.executeUpdate() == 1;
        });
    }

    /** A failed attempt: waiting again until {@code reprise}, or failed for good ({@code reprise} null). */
    void echouer(String territoire, long id, int tentative, Instant reprise, String erreur, Instant le) {
        jdbc.prepareStatement("""
                UPDATE piece_justificative SET analyse_statut = ?, analyse_bail_jusqua = ?, analyse_erreur = ?,
                       analyse_le = CASE WHEN ? THEN ? ELSE analyse_le END
                 WHERE territoire = ? AND id = ? AND analyse_statut = 'EN_COURS' AND analyse_tentatives = ?""", ps -> {
            boolean definitif = reprise == null;
            ps.setString(1, definitif ? StatutAnalyse.ECHEC.name() : StatutAnalyse.EN_ATTENTE.name());
            ps.setTimestamp(2, definitif ? null : Timestamp.from(reprise));
            ps.setString(3, erreur == null ? null : erreur.substring(0, Math.min(erreur.length(), 1000)));
            ps.setBoolean(4, definitif);
            ps.setTimestamp(5, Timestamp.from(le));
            ps.setString(6, territoire);
            ps.setLong(7, id);
            ps.setInt(8, tentative);
            return ps.executeUpdate();
        });
    }

    /** The stored key of a document (for the analysis: where to read its bytes). */
    Optional<Cles> cles(String territoire, long id) {
        return jdbc.prepareStatement("""
                SELECT id, numero_unique, cle_objet, cle_masquee, cle_apercu, type_mime_apercu, objet_manquant_le IS NOT NULL
                  FROM piece_justificative WHERE territoire = ? AND id = ?""", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(cles(rs)) : Optional.empty();
            }
        });
    }

    // ---- reconciliation and purge

    /** Among {@code cles} (objects of the territory), those no row refers to. */
    List<String> nonReferencees(String territoire, List<String> cles) {
        return jdbc.prepareStatement("""
                SELECT c FROM unnest(?::text[]) AS c
                 WHERE NOT EXISTS (SELECT 1 FROM piece_justificative p
                                    WHERE p.territoire = ? AND p.numero_unique = split_part(c, '/', 3)
                                      AND (p.cle_objet = c OR p.cle_masquee = c OR p.cle_apercu = c))""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", cles.toArray()));
            ps.setString(2, territoire);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
                return list;
            }
        });
    }

    /** Documents of the territory after {@code apresId}, by id (deleted ones too: their bytes are kept). */
    List<Cles> lot(String territoire, long apresId, int limite) {
        return jdbc.prepareStatement("""
                SELECT id, numero_unique, cle_objet, cle_masquee, cle_apercu, type_mime_apercu, objet_manquant_le IS NOT NULL
                  FROM piece_justificative WHERE territoire = ? AND id > ? ORDER BY id LIMIT ?""", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, apresId);
            ps.setInt(3, limite);
            try (ResultSet rs = ps.executeQuery()) {
                List<Cles> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(cles(rs));
                }
                return list;
            }
        });
    }

    /** Flags (or clears the flag of) a document whose original is missing from storage. */
    boolean marquerManquant(String territoire, long id, Instant le) {
        return jdbc.prepareStatement("""
                UPDATE piece_justificative SET objet_manquant_le = ? WHERE territoire = ? AND id = ?
                   AND objet_manquant_le IS DISTINCT FROM ?""", ps -> {
            ps.setTimestamp(1, le == null ? null : Timestamp.from(le));
            ps.setString(2, territoire);
            ps.setLong(3, id);
            ps.setTimestamp(4, le == null ? null : Timestamp.from(le));
            return ps.executeUpdate() == 1;
        });
    }

    /** A derivative whose object is missing: forgotten, and the analysis queued again to produce it. */
    boolean oublierDerive(String territoire, long id) {
        return jdbc.prepareStatement("""
                UPDATE piece_justificative SET cle_masquee = NULL, cle_apercu = NULL, type_mime_apercu = NULL,
                       nir_detecte = NULL, analyse_statut = 'EN_ATTENTE', analyse_tentatives = 0, analyse_bail_jusqua = NULL
                 WHERE territoire = ? AND id = ? AND analyse_statut = 'TERMINEE'""", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        });
    }

    /** Every object key of an application's documents (deleted ones included). */
    List<String> clesDemande(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT k FROM piece_justificative, LATERAL (VALUES (cle_objet), (cle_masquee), (cle_apercu)) AS v(k)
                 WHERE territoire = ? AND numero_unique = ? AND k IS NOT NULL""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
                return list.stream().distinct().toList();
            }
        });
    }

    // ---- mapping

    private static Cles cles(ResultSet rs) throws SQLException {
        return new Cles(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBoolean(7));
    }

    private Optional<PieceJustificative> une(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(piece(rs)) : Optional.empty();
        }
    }

    private PieceJustificative piece(ResultSet rs) throws SQLException {
        int pages = rs.getInt(8);
        Integer pagesLues = rs.wasNull() ? null : pages;
        int annee = rs.getInt(25);
        Integer anneeLue = rs.wasNull() ? null : annee;
        long rfr = rs.getLong(26);
        Long rfrLu = rs.wasNull() ? null : rfr;
        boolean nir = rs.getBoolean(27);
        Boolean nirLu = rs.wasNull() ? null : nir;
        Date fin = rs.getDate(13);
        Timestamp supprime = rs.getTimestamp(31);
        String metadonnees = rs.getString(24);
        return new PieceJustificative(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                FormatPiece.valueOf(rs.getString(6)), rs.getLong(7), pagesLues, rs.getString(9),
                enumeration(CategoriePiece.class, rs.getString(10)), enumeration(TypePiece.class, rs.getString(11)),
                enumeration(TypePiece.class, rs.getString(12)), fin == null ? null : fin.toLocalDate(),
                Deposant.valueOf(rs.getString(14)), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getTimestamp(18).toInstant(), IndicePertinence.valueOf(rs.getString(19)), rs.getString(20),
                lire(rs.getString(21), SOUS_DOCUMENTS), StatutAnalyse.valueOf(rs.getString(22)), rs.getString(23),
                metadonnees == null ? Map.of() : lire(metadonnees, METADONNEES), anneeLue, rfrLu, nirLu, rs.getBoolean(28),
                rs.getBoolean(29), rs.getBoolean(30), supprime == null ? null : supprime.toInstant(), rs.getInt(32));
    }

    /** A code the catalogue no longer knows reads as unknown (null), never as an error. */
    private static <E extends Enum<E>> E enumeration(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String ecrire(Object valeur) {
        try {
            return json.writeValueAsString(valeur);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T lire(String texte, Argument<T> type) {
        try {
            return json.readValue(texte, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

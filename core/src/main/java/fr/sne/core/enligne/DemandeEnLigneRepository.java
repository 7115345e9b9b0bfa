package fr.sne.core.enligne;

import fr.sne.core.demande.DemandeJson;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drafts and submitted online applications; always inside a scoped transaction: the applicant's
 * account ({@code sne.compte}) or a desk's territory, which PostgreSQL enforces (RLS).
 */
@Singleton
class DemandeEnLigneRepository {

    private static final String BROUILLON = "SELECT id, compte_demandeur, etape, document::text AS document, cree_le, modifie_le FROM brouillon_en_ligne";

    private static final String EN_LIGNE = """
            SELECT e.territoire, e.id, e.compte_demandeur, e.statut, e.document::text AS document, e.version, e.cree_le,
                   e.modifie_le, e.soumise_le, e.date_depot, e.numero_unique, e.motif_refus, d.etat AS etat_demande
              FROM demande_en_ligne e
              LEFT JOIN demande d ON d.territoire = e.territoire AND d.numero_unique = e.numero_unique""";

    // an applicant's rows, in every territory: one probe per territory of the (territory, account) index
    private static final String DU_COMPTE = " WHERE e.territoire = ANY (SELECT code FROM territoire) AND e.compte_demandeur = ?";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    DemandeEnLigneRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // Drafts (applicant's scope) ---------------------------------------------------------------------

    long creerBrouillon(long compte, DemandeJson.Contenu contenu) {
        return jdbc.prepareStatement("INSERT INTO brouillon_en_ligne (compte_demandeur, document) VALUES (?, ?::jsonb) RETURNING id", ps -> {
            ps.setLong(1, compte);
            ps.setString(2, ecrire(contenu));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    int nombreDeBrouillons(long compte) {
        return jdbc.prepareStatement("SELECT count(*) FROM brouillon_en_ligne WHERE compte_demandeur = ?", ps -> {
            ps.setLong(1, compte);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** A draft of the account, locked until the end of the transaction when {@code verrou}. */
    Optional<DemandeEnLigne> brouillon(long compte, long id, boolean verrou) {
        return jdbc.prepareStatement(BROUILLON + " WHERE compte_demandeur = ? AND id = ?" + (verrou ? " FOR UPDATE" : ""), ps -> {
            ps.setLong(1, compte);
            ps.setLong(2, id);
            return premier(ps, this::brouillon);
        });
    }

    List<DemandeEnLigne> brouillons(long compte) {
        return jdbc.prepareStatement(BROUILLON + " WHERE compte_demandeur = ? ORDER BY modifie_le DESC, id DESC", ps -> {
            ps.setLong(1, compte);
            return tous(ps, this::brouillon);
        });
    }

    void majBrouillon(long id, DemandeJson.Contenu contenu, Etape etape) {
        jdbc.prepareStatement("UPDATE brouillon_en_ligne SET document = ?::jsonb, etape = ?, modifie_le = now() WHERE id = ?", ps -> {
            ps.setString(1, ecrire(contenu));
            ps.setInt(2, etape.getNumero());
            ps.setLong(3, id);
            return ps.executeUpdate();
        });
    }

    void supprimerBrouillon(long id) {
        jdbc.prepareStatement("DELETE FROM brouillon_en_ligne WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    // Submitted applications ---------------------------------------------------------------------------

    /** The submission: the draft becomes an application of the territory, keeping its id. */
    void soumettre(String territoire, DemandeEnLigne brouillon, Instant soumiseLe, LocalDate dateDepot) {
        jdbc.prepareStatement("""
                INSERT INTO demande_en_ligne (territoire, id, compte_demandeur, statut, document, cree_le, soumise_le, date_depot, modifie_le)
                VALUES (?, ?, ?, 'SOUMISE', ?::jsonb, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, brouillon.id());
            ps.setLong(3, brouillon.compteDemandeur());
            ps.setString(4, ecrire(brouillon.contenu()));
            ps.setTimestamp(5, Timestamp.from(brouillon.creeLe()));
            ps.setTimestamp(6, Timestamp.from(soumiseLe));
            ps.setDate(7, Date.valueOf(dateDepot));
            ps.setTimestamp(8, Timestamp.from(soumiseLe));
            return ps.executeUpdate();
        });
    }

    /** The account's submitted applications, in any territory (applicant's scope). */
    List<DemandeEnLigne> duCompte(long compte) {
        return jdbc.prepareStatement(EN_LIGNE + DU_COMPTE + " ORDER BY e.soumise_le DESC, e.id DESC", ps -> {
            ps.setLong(1, compte);
            return tous(ps, this::enLigne);
        });
    }

    Optional<DemandeEnLigne> duCompte(long compte, long id, boolean verrou) {
        return jdbc.prepareStatement(EN_LIGNE + DU_COMPTE + " AND e.id = ?" + (verrou ? " FOR UPDATE OF e" : ""), ps -> {
            ps.setLong(1, compte);
            ps.setLong(2, id);
            return premier(ps, this::enLigne);
        });
    }

    /** An application of the scope's territory (or any, in national scope), locked when {@code verrou}. */
    Optional<DemandeEnLigne> trouver(String territoire, long id, boolean verrou) {
        String where = territoire == null ? " WHERE e.id = ?" : " WHERE e.territoire = ? AND e.id = ?";
        return jdbc.prepareStatement(EN_LIGNE + where + (verrou ? " FOR UPDATE OF e" : ""), ps -> {
            int n = 1;
            if (territoire != null) {
                ps.setString(n++, territoire);
            }
            ps.setLong(n, id);
            return premier(ps, this::enLigne);
        });
    }

    /** Applications waiting for validation, oldest first (the territory's, or every one in national scope). */
    List<DemandeEnLigne> enAttente(String territoire, int limite) {
        String where = territoire == null ? " WHERE e.statut = 'SOUMISE'" : " WHERE e.territoire = ? AND e.statut = 'SOUMISE'";
        return jdbc.prepareStatement(EN_LIGNE + where + " ORDER BY e.soumise_le, e.id LIMIT ?", ps -> {
            int n = 1;
            if (territoire != null) {
                ps.setString(n++, territoire);
            }
            ps.setInt(n, limite);
            return tous(ps, this::enLigne);
        });
    }

    /** Other submitted applications of the account in the territory, waiting or registered and active. */
    List<DemandeEnLigne> autresDuCompte(String territoire, long compte, long id) {
        return jdbc.prepareStatement(EN_LIGNE + " WHERE e.territoire = ? AND e.compte_demandeur = ? AND e.id <> ?"
                + " AND (e.statut = 'SOUMISE' OR (e.statut = 'VALIDEE' AND d.etat = 'ACTIVE'))", ps -> {
            ps.setString(1, territoire);
            ps.setLong(2, compte);
            ps.setLong(3, id);
            return tous(ps, this::enLigne);
        });
    }

    /** The applicant's correction while it waits; false when the version moved or it was processed meanwhile. */
    boolean corriger(String territoire, long id, int versionAttendue, DemandeJson.Contenu contenu) {
        return jdbc.prepareStatement("""
                UPDATE demande_en_ligne SET document = ?::jsonb, version = version + 1, modifie_le = now()
                 WHERE territoire = ? AND id = ? AND version = ? AND statut = 'SOUMISE'""", ps -> {
            ps.setString(1, ecrire(contenu));
            ps.setString(2, territoire);
            ps.setLong(3, id);
            ps.setInt(4, versionAttendue);
            return ps.executeUpdate() == 1;
        });
    }

    boolean valider(String territoire, long id, int version, String numero, Verification verification, String agent) {
        return jdbc.prepareStatement("""
                UPDATE demande_en_ligne SET statut = 'VALIDEE', numero_unique = ?, verification = ?::jsonb, traitee_le = now(),
                                            traitee_par = ?, modifie_le = now()
                 WHERE territoire = ? AND id = ? AND version = ? AND statut = 'SOUMISE'""", ps -> {
            ps.setString(1, numero);
            ps.setString(2, ecrireObjet(verification));
            ps.setString(3, agent);
            ps.setString(4, territoire);
            ps.setLong(5, id);
            ps.setInt(6, version);
            return ps.executeUpdate() == 1;
        });
    }

    boolean refuser(String territoire, long id, int version, String motif, String agent) {
        return jdbc.prepareStatement("""
                UPDATE demande_en_ligne SET statut = 'REFUSEE', motif_refus = ?, traitee_le = now(), traitee_par = ?, modifie_le = now()
                 WHERE territoire = ? AND id = ? AND version = ? AND statut = 'SOUMISE'""", ps -> {
            ps.setString(1, motif);
            ps.setString(2, agent);
            ps.setString(3, territoire);
            ps.setLong(4, id);
            ps.setInt(5, version);
            return ps.executeUpdate() == 1;
        });
    }

    /** Links the registered application to the applicant's account, so that they can follow it. */
    void lierAuCompte(String territoire, String numero, long compte) {
        jdbc.prepareStatement("UPDATE demande SET compte_demandeur = ? WHERE territoire = ? AND numero_unique = ?", ps -> {
            ps.setLong(1, compte);
            ps.setString(2, territoire);
            ps.setString(3, numero);
            return ps.executeUpdate();
        });
    }

    // Mapping ------------------------------------------------------------------------------------------

    private DemandeEnLigne brouillon(ResultSet rs) throws SQLException {
        return new DemandeEnLigne(rs.getLong("id"), rs.getLong("compte_demandeur"), Statut.BROUILLON,
                Etape.deNumero(rs.getInt("etape")), null, lire(rs.getString("document")), 0,
                rs.getTimestamp("cree_le").toInstant(), rs.getTimestamp("modifie_le").toInstant(), null, null, null, null, null);
    }

    private DemandeEnLigne enLigne(ResultSet rs) throws SQLException {
        return new DemandeEnLigne(rs.getLong("id"), rs.getLong("compte_demandeur"), Statut.valueOf(rs.getString("statut")),
                Etape.RECAPITULATIF, rs.getString("territoire"), lire(rs.getString("document")), rs.getInt("version"),
                rs.getTimestamp("cree_le").toInstant(), rs.getTimestamp("modifie_le").toInstant(),
                rs.getTimestamp("soumise_le").toInstant(), rs.getDate("date_depot").toLocalDate(), rs.getString("numero_unique"),
                rs.getString("motif_refus"), rs.getString("etat_demande"));
    }

    private interface Lecture<T> {
        T de(ResultSet rs) throws SQLException;
    }

    private static <T> Optional<T> premier(PreparedStatement ps, Lecture<T> lecture) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(lecture.de(rs)) : Optional.empty();
        }
    }

    private static <T> List<T> tous(PreparedStatement ps, Lecture<T> lecture) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<T> liste = new ArrayList<>();
            while (rs.next()) {
                liste.add(lecture.de(rs));
            }
            return liste;
        }
    }

    private String ecrire(DemandeJson.Contenu contenu) {
        return ecrireObjet(contenu);
    }

    private String ecrireObjet(Object objet) {
        try {
            return json.writeValueAsString(objet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemandeJson.Contenu lire(String document) {
        try {
            return json.readValue(document, Argument.of(DemandeJson.Contenu.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

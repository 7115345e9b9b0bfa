package fr.sne.core.demande;

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
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applications, movements and idempotency keys; always inside a scoped transaction (RLS). */
@Singleton
class DemandeRepository {

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    DemandeRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Who wrote a version: the audit's actor id, a label professionals read (it names the agent),
     * and the desk acted for (null: the applicant, the system or a territorial manager) — what
     * the applicant is shown instead of the agent's name.
     */
    record Auteur(String id, String libelle, String guichet) {
    }

    /** A stored version of an application's content. */
    record Version(int version, DemandeJson.Contenu contenu, String auteur, Instant ecriteLe) {
    }

    void inserer(DemandeJson.Demande d, Auteur auteur) {
        Indicateurs i = Indicateurs.de(d.contenu());
        String document = ecrire(d.contenu());
        jdbc.prepareStatement("""
                INSERT INTO demande (territoire, numero_unique, guichet_enregistreur, etat, date_depot,
                                     date_dernier_renouvellement, date_prochain_renouvellement, nom_naissance_cle, prenoms_cle,
                                     date_naissance, communes_souhaitees, document, version, taille_menage, revenu_fiscal,
                                     ressources_mensuelles, types_logement, statut_dalo, prioritaire, handicap, modifie_par)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, d.territoire());
            ps.setString(2, d.numeroUnique());
            ps.setString(3, d.guichetEnregistreur());
            ps.setString(4, d.etat());
            ps.setDate(5, Date.valueOf(d.dateDepot()));
            ps.setDate(6, d.dateDernierRenouvellement() == null ? null : Date.valueOf(d.dateDernierRenouvellement()));
            ps.setDate(7, Date.valueOf(d.dateProchainRenouvellement()));
            ps.setString(8, Cles.cle(d.demandeur().nomNaissance()));
            ps.setString(9, Cles.cle(d.demandeur().prenoms()));
            ps.setDate(10, Date.valueOf(d.demandeur().dateNaissance()));
            ps.setArray(11, ps.getConnection().createArrayOf("varchar", d.logementRecherche().communesSouhaitees().toArray()));
            ps.setString(12, document);
            ps.setInt(13, d.version());
            indicateurs(ps, 14, i);
            ps.setString(21, auteur.id());
            return ps.executeUpdate();
        });
        version(d.territoire(), d.numeroUnique(), d.version(), document, auteur);
    }

    /**
     * Writes a new content if the stored version is still {@code versionAttendue} and the
     * application still active; false when someone else wrote (or radiated it) in between
     * (nothing is written then).
     */
    boolean mettreAJour(String territoire, String numero, int versionAttendue, DemandeJson.Contenu contenu, Auteur auteur) {
        Indicateurs i = Indicateurs.de(contenu);
        String document = ecrire(contenu);
        boolean ecrite = jdbc.prepareStatement("""
                UPDATE demande SET nom_naissance_cle = ?, prenoms_cle = ?, date_naissance = ?, communes_souhaitees = ?,
                                   document = ?::jsonb, taille_menage = ?, revenu_fiscal = ?, ressources_mensuelles = ?,
                                   types_logement = ?, statut_dalo = ?, prioritaire = ?, handicap = ?, modifie_par = ?,
                                   version = version + 1, modifie_le = now()
                 WHERE territoire = ? AND numero_unique = ? AND version = ? AND etat = 'ACTIVE'""", ps -> {
            ps.setString(1, Cles.cle(contenu.demandeur().nomNaissance()));
            ps.setString(2, Cles.cle(contenu.demandeur().prenoms()));
            ps.setDate(3, Date.valueOf(contenu.demandeur().dateNaissance()));
            ps.setArray(4, ps.getConnection().createArrayOf("varchar", contenu.logementRecherche().communesSouhaitees().toArray()));
            ps.setString(5, document);
            indicateurs(ps, 6, i);
            ps.setString(13, auteur.id());
            ps.setString(14, territoire);
            ps.setString(15, numero);
            ps.setInt(16, versionAttendue);
            return ps.executeUpdate() == 1;
        });
        if (ecrite) {
            version(territoire, numero, versionAttendue + 1, document, auteur);
        }
        return ecrite;
    }

    /** The versions written after {@code apres}, oldest first. */
    List<Version> versionsDepuis(String territoire, String numero, int apres) {
        return jdbc.prepareStatement("""
                SELECT version, document::text, auteur_libelle, ecrite_le FROM demande_version
                 WHERE territoire = ? AND numero_unique = ? AND version >= ? ORDER BY version""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setInt(3, apres);
            try (ResultSet rs = ps.executeQuery()) {
                List<Version> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Version(rs.getInt(1), lire(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
                return list;
            }
        });
    }

    private void version(String territoire, String numero, int version, String document, Auteur auteur) {
        jdbc.prepareStatement("""
                INSERT INTO demande_version (territoire, numero_unique, version, document, auteur, auteur_libelle, guichet)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setInt(3, version);
            ps.setString(4, document);
            ps.setString(5, auteur.id());
            ps.setString(6, auteur.libelle());
            ps.setString(7, auteur.guichet());
            return ps.executeUpdate();
        });
    }

    /** The seven indicator columns, from parameter {@code n} on. */
    private static void indicateurs(PreparedStatement ps, int n, Indicateurs i) throws SQLException {
        ps.setShort(n, (short) i.tailleMenage());
        if (i.revenuFiscal() == null) {
            ps.setNull(n + 1, Types.INTEGER);
        } else {
            ps.setInt(n + 1, i.revenuFiscal());
        }
        ps.setInt(n + 2, i.ressourcesMensuelles());
        ps.setArray(n + 3, ps.getConnection().createArrayOf("varchar", i.typesLogement().toArray()));
        ps.setString(n + 4, i.statutDalo());
        ps.setBoolean(n + 5, i.prioritaire());
        ps.setBoolean(n + 6, i.handicap());
    }

    Optional<DemandeJson.Demande> trouver(String numero) {
        return jdbc.prepareStatement("""
                SELECT territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_dernier_renouvellement,
                       date_prochain_renouvellement, document::text AS document, version
                  FROM demande WHERE numero_unique = ?""", ps -> {
            ps.setString(1, numero);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(demande(rs)) : Optional.<DemandeJson.Demande>empty();
            }
        });
    }

    /** The portal account an application is linked to (filed online), if any. */
    Optional<Long> compte(String territoire, String numero) {
        return jdbc.prepareStatement("SELECT compte_demandeur FROM demande WHERE territoire = ? AND numero_unique = ?", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Long>empty();
                }
                long compte = rs.getLong(1);
                return rs.wasNull() ? Optional.<Long>empty() : Optional.of(compte);
            }
        });
    }

    /** Active applications of the territory with the same birth name, first names and birth date keys. */
    List<String> doublons(String territoire, String nomCle, String prenomsCle, LocalDate dateNaissance) {
        return jdbc.prepareStatement("""
                SELECT numero_unique FROM demande
                 WHERE territoire = ? AND etat = 'ACTIVE' AND date_naissance = ? AND nom_naissance_cle = ? AND prenoms_cle = ?
                 ORDER BY date_depot, numero_unique""", ps -> {
            ps.setString(1, territoire);
            ps.setDate(2, Date.valueOf(dateNaissance));
            ps.setString(3, nomCle);
            ps.setString(4, prenomsCle);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
                return list;
            }
        });
    }

    /** Links an application created after a separation to the one it comes from. */
    void lierOrigine(String territoire, String numero, String origine) {
        jdbc.prepareStatement("UPDATE demande SET demande_origine = ? WHERE territoire = ? AND numero_unique = ?", ps -> {
            ps.setString(1, origine);
            ps.setString(2, territoire);
            ps.setString(3, numero);
            return ps.executeUpdate();
        });
    }

    Optional<String> origine(String territoire, String numero) {
        return jdbc.prepareStatement("SELECT demande_origine FROM demande WHERE territoire = ? AND numero_unique = ?", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** The applications created from {@code numero} after a separation, oldest first. */
    List<String> issues(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT numero_unique FROM demande WHERE territoire = ? AND demande_origine = ? ORDER BY cree_le, numero_unique""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
                return list;
            }
        });
    }

    /** The application a fresh idempotency key already created (read only: the claim is {@link #reclamer}'s). */
    Optional<String> numeroDeCle(String territoire, String client, String cle, java.time.Instant maintenant) {
        return jdbc.prepareStatement("""
                SELECT numero_unique FROM idempotence WHERE territoire = ? AND client_id = ? AND cle = ?
                AND numero_unique <> '' AND cree_le > ? - interval '24 hours'""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, client);
            ps.setString(3, cle);
            ps.setObject(4, java.time.OffsetDateTime.ofInstant(maintenant, java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /**
     * Claims an idempotency key: empty when it is new (the caller goes on and records its number
     * with {@link #associer}), else the number created by the first request with that key. A
     * concurrent request with the same key waits here until the first one commits.
     */
    Optional<String> reclamer(String territoire, String client, String cle, java.time.Instant maintenant) {
        // a key older than 24 h is new again, even before the nightly purge removed it
        boolean nouvelle = jdbc.prepareStatement("""
                INSERT INTO idempotence (territoire, client_id, cle, numero_unique, cree_le) VALUES (?, ?, ?, '', ?)
                ON CONFLICT (territoire, client_id, cle) DO UPDATE SET numero_unique = '', cree_le = EXCLUDED.cree_le
                WHERE idempotence.cree_le <= EXCLUDED.cree_le - interval '24 hours'""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, client);
            ps.setString(3, cle);
            ps.setObject(4, java.time.OffsetDateTime.ofInstant(maintenant, java.time.ZoneOffset.UTC));
            return ps.executeUpdate() == 1;
        });
        if (nouvelle) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT numero_unique FROM idempotence WHERE territoire = ? AND client_id = ? AND cle = ?", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, client);
            ps.setString(3, cle);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(rs.getString(1));
            }
        });
    }

    void associer(String territoire, String client, String cle, String numero) {
        jdbc.prepareStatement("UPDATE idempotence SET numero_unique = ? WHERE territoire = ? AND client_id = ? AND cle = ?", ps -> {
            ps.setString(1, numero);
            ps.setString(2, territoire);
            ps.setString(3, client);
            ps.setString(4, cle);
            return ps.executeUpdate();
        });
    }

    private DemandeJson.Demande demande(ResultSet rs) throws SQLException {
        DemandeJson.Contenu contenu = lire(rs.getString("document"));
        Date renouvellement = rs.getDate("date_dernier_renouvellement");
        return new DemandeJson.Demande(rs.getString("numero_unique"), rs.getString("territoire"), rs.getString("etat"),
                rs.getDate("date_depot").toLocalDate(), renouvellement == null ? null : renouvellement.toLocalDate(),
                rs.getDate("date_prochain_renouvellement").toLocalDate(), rs.getString("guichet_enregistreur"),
                rs.getInt("version"), contenu);
    }

    private String ecrire(DemandeJson.Contenu contenu) {
        try {
            return json.writeValueAsString(contenu);
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

package fr.sne.core.demande;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    void inserer(DemandeJson.Demande d) {
        jdbc.prepareStatement("""
                INSERT INTO demande (territoire, numero_unique, guichet_enregistreur, etat, date_depot,
                                     date_dernier_renouvellement, date_prochain_renouvellement, nom_naissance_cle, prenoms_cle,
                                     date_naissance, communes_souhaitees, document, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", ps -> {
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
            ps.setString(12, ecrire(new DemandeJson.Contenu(d.demandeur(), d.logementRecherche())));
            ps.setInt(13, d.version());
            return ps.executeUpdate();
        });
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

    void mouvement(String territoire, String numero, String type, List<String> parties) {
        jdbc.prepareStatement("INSERT INTO mouvement (territoire, numero_unique, type, parties) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            ps.setString(3, type);
            ps.setArray(4, ps.getConnection().createArrayOf("text", parties.toArray()));
            return ps.executeUpdate();
        });
    }

    /**
     * Claims an idempotency key: empty when it is new (the caller goes on and records its number
     * with {@link #associer}), else the number created by the first request with that key. A
     * concurrent request with the same key waits here until the first one commits.
     */
    Optional<String> reclamer(String territoire, String client, String cle) {
        boolean nouvelle = jdbc.prepareStatement("""
                INSERT INTO idempotence (territoire, client_id, cle, numero_unique) VALUES (?, ?, ?, '')
                ON CONFLICT DO NOTHING""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, client);
            ps.setString(3, cle);
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
                rs.getInt("version"), contenu.demandeur(), contenu.logementRecherche());
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

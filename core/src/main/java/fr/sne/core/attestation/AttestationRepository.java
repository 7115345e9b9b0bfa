package fr.sne.core.attestation;

import fr.sne.core.demande.DemandeJson;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What attestations read (the application, its desk, the territory's reference data); always in a scoped transaction. */
@Singleton
class AttestationRepository {

    /** The registering desk as the attestation presents it. */
    record GuichetLu(String code, String nom, String type, String adresse, String courriel, String communeNom) {
    }

    record CommissionLue(String nom, String adresse, String telephone, String courriel, String site) {
    }

    record PatrimoineLu(String commune, String siren, String bailleur, String adresse, String telephone, int logements) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    AttestationRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<DemandeJson.Demande> demande(String territoire, String numero) {
        return jdbc.prepareStatement("""
                SELECT territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_dernier_renouvellement,
                       date_prochain_renouvellement, document::text AS document, version
                  FROM demande WHERE territoire = ? AND numero_unique = ?""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, numero);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(demande(rs)) : Optional.<DemandeJson.Demande>empty();
            }
        });
    }

    private DemandeJson.Demande demande(ResultSet rs) throws SQLException {
        Date renouvellement = rs.getDate("date_dernier_renouvellement");
        DemandeJson.Contenu contenu;
        try {
            contenu = json.readValue(rs.getString("document"), Argument.of(DemandeJson.Contenu.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemandeJson.Demande(rs.getString("numero_unique"), rs.getString("territoire"), rs.getString("etat"),
                rs.getDate("date_depot").toLocalDate(), renouvellement == null ? null : renouvellement.toLocalDate(),
                rs.getDate("date_prochain_renouvellement").toLocalDate(), rs.getString("guichet_enregistreur"),
                rs.getInt("version"), contenu);
    }

    /** The desk in the territory's scope; a national desk (the portal) from the public directory. */
    Optional<GuichetLu> guichet(String code) {
        Optional<GuichetLu> local = jdbc.prepareStatement("""
                SELECT g.code, g.nom, g.type, g.adresse, g.courriel, c.nom AS commune_nom
                  FROM guichet g LEFT JOIN commune c ON c.code = g.commune WHERE g.code = ?""", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new GuichetLu(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                        : Optional.<GuichetLu>empty();
            }
        });
        if (local.isPresent()) {
            return local;
        }
        return jdbc.prepareStatement("SELECT code, nom, type FROM guichet_nom WHERE code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new GuichetLu(rs.getString(1), rs.getString(2), rs.getString(3), null, null, null))
                        : Optional.<GuichetLu>empty();
            }
        });
    }

    Optional<CommissionLue> commission(String territoire) {
        return jdbc.prepareStatement("""
                SELECT nom, adresse, telephone, courriel, site FROM commission_mediation WHERE territoire = ?""", ps -> {
            ps.setString(1, territoire);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new CommissionLue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                        : Optional.<CommissionLue>empty();
            }
        });
    }

    /** Landlords with housing in these communes of the territory, the largest stock first. */
    List<PatrimoineLu> patrimoine(String territoire, List<String> communes) {
        if (communes.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("""
                SELECT commune, siren, bailleur, adresse, telephone, nombre_logements FROM patrimoine_bailleur
                 WHERE territoire = ? AND commune = ANY (?) ORDER BY commune, nombre_logements DESC, bailleur""", ps -> {
            ps.setString(1, territoire);
            ps.setArray(2, ps.getConnection().createArrayOf("varchar", communes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<PatrimoineLu> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new PatrimoineLu(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)));
                }
                return list;
            }
        });
    }

    /** Names of communes (national reference data), by code. */
    Map<String, String> communes(List<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT code, nom FROM commune WHERE code = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> noms = new LinkedHashMap<>();
                while (rs.next()) {
                    noms.put(rs.getString(1), rs.getString(2));
                }
                return noms;
            }
        });
    }
}

package fr.sne.core.recherche;

import fr.sne.core.demande.DemandeJson;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.util.Optional;

/** What the summary sheet reads of one application; inside a scoped transaction (RLS). */
@Singleton
class FicheRepository {

    /** The application and its indexed indicators. */
    record Fiche(DemandeJson.Demande demande, int tailleMenage, int ressourcesMensuelles, Integer revenuFiscal,
                 boolean prioritaire) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    FicheRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Fiche> trouver(String numero) {
        return jdbc.prepareStatement("""
                SELECT territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_dernier_renouvellement,
                       date_prochain_renouvellement, document::text, version, taille_menage, ressources_mensuelles,
                       revenu_fiscal, prioritaire
                  FROM demande WHERE numero_unique = ?""", ps -> {
            ps.setString(1, numero);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Fiche>empty();
                }
                Date renouvellement = rs.getDate(6);
                DemandeJson.Demande d = new DemandeJson.Demande(rs.getString(2), rs.getString(1), rs.getString(4),
                        rs.getDate(5).toLocalDate(), renouvellement == null ? null : renouvellement.toLocalDate(),
                        rs.getDate(7).toLocalDate(), rs.getString(3), rs.getInt(9), contenu(rs.getString(8)));
                int revenu = rs.getInt(12);
                Integer revenuFiscal = rs.wasNull() ? null : revenu;
                return Optional.of(new Fiche(d, rs.getShort(10), rs.getInt(11), revenuFiscal, rs.getBoolean(13)));
            }
        });
    }

    private DemandeJson.Contenu contenu(String document) {
        try {
            return json.readValue(document, Argument.of(DemandeJson.Contenu.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

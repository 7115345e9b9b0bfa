package fr.sne.core.recherche;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search queries; always inside a scoped transaction (RLS filters the territory again). */
@Singleton
class RechercheRepository {

    private static final String COLONNES = """
            numero_unique, etat, date_depot, date_dernier_renouvellement, date_prochain_renouvellement,
            guichet_enregistreur, document->'demandeur'->>'nomNaissance' AS nom_naissance,
            document->'demandeur'->>'nomUsage' AS nom_usage, document->'demandeur'->>'prenoms' AS prenoms,
            taille_menage, ressources_mensuelles, revenu_fiscal, types_logement, communes_souhaitees,
            prioritaire, statut_dalo, handicap""";

    /** Rows fetched per round trip when streaming an export (a cursor, not the whole result in memory). */
    static final int LOT = 500;

    private final JdbcOperations jdbc;

    RechercheRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Bounds this transaction's statements (each cursor fetch counts as one) and plans every
     * statement for its own values: a search's selectivity varies too much (a commune wanted by a
     * third of the territory or by a few households) for a cached generic plan, which on stale
     * statistics once turned an export into a nested loop running for minutes.
     */
    void borner(java.time.Duration duree) {
        jdbc.prepareStatement("SELECT set_config('statement_timeout', ?, true), set_config('plan_cache_mode', 'force_custom_plan', true)", ps -> {
            ps.setString(1, duree.toMillis() + "ms");
            ps.execute();
            return null;
        });
    }

    /** One page of results. */
    List<LigneDemande> page(Requete r, int limite, long decalage) {
        String sql = "SELECT " + COLONNES + " FROM demande WHERE " + r.where() + " ORDER BY " + r.ordre() + " LIMIT ? OFFSET ?";
        return jdbc.prepareStatement(sql, ps -> {
            int n = lier(ps, r);
            ps.setInt(n, limite);
            ps.setLong(n + 1, decalage);
            List<LigneDemande> lignes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lignes.add(ligne(rs));
                }
            }
            return lignes;
        });
    }

    /** How many rows match, counted up to {@code plafond} (beyond, the exact figure costs more than it tells). */
    long compter(Requete r, long plafond) {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM demande WHERE " + r.where() + " LIMIT ?) t";
        return jdbc.prepareStatement(sql, ps -> {
            int n = lier(ps, r);
            ps.setLong(n, plafond);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Hands every matching row to the consumer as the cursor reads it, {@link #LOT} rows per round trip. */
    long parcourir(Requete r, long limite, Consommateur consommateur) {
        String sql = "SELECT " + COLONNES + " FROM demande WHERE " + r.where() + " ORDER BY " + r.ordre() + " LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            int n = lier(ps, r);
            ps.setLong(n, limite);
            // with autocommit off (we are in a transaction) the driver reads through a cursor
            ps.setFetchSize(LOT);
            long lignes = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        consommateur.accepter(ligne(rs));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    lignes++;
                }
            }
            return lignes;
        });
    }

    /** Receives the rows of an export; may fail on I/O (the reader went away). */
    @FunctionalInterface
    interface Consommateur {
        void accepter(LigneDemande ligne) throws java.io.IOException;
    }

    /** Names of communes (national reference data). */
    Map<String, String> nomsCommunes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT code, nom FROM commune WHERE code = ANY (?::text[])", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", codes.toArray()));
            Map<String, String> noms = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    noms.put(rs.getString(1), rs.getString(2));
                }
            }
            return noms;
        });
    }

    /** The desks of a territory, active or not (applications keep their desk), by name. */
    Map<String, String> guichets(String territoire) {
        return jdbc.prepareStatement("SELECT code, nom, actif FROM guichet_nom WHERE territoire = ? ORDER BY nom, code", ps -> {
            ps.setString(1, territoire);
            Map<String, String> guichets = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    guichets.put(rs.getString(1), rs.getString(2) + " (" + rs.getString(1) + ")" + (rs.getBoolean(3) ? "" : " — inactif"));
                }
            }
            return guichets;
        });
    }

    private static int lier(PreparedStatement ps, Requete r) throws SQLException {
        int i = 1;
        for (Requete.Parametre p : r.parametres()) {
            if (p.tableau()) {
                ps.setArray(i++, ps.getConnection().createArrayOf("varchar", ((List<?>) p.valeur()).toArray()));
            } else {
                ps.setObject(i++, p.valeur());
            }
        }
        return i;
    }

    private static LigneDemande ligne(ResultSet rs) throws SQLException {
        int revenu = rs.getInt("revenu_fiscal");
        Integer revenuFiscal = rs.wasNull() ? null : revenu;
        return new LigneDemande(rs.getString("numero_unique"), rs.getString("etat"), date(rs.getDate("date_depot")),
                date(rs.getDate("date_dernier_renouvellement")), date(rs.getDate("date_prochain_renouvellement")),
                rs.getString("guichet_enregistreur"), rs.getString("nom_naissance"), rs.getString("nom_usage"),
                rs.getString("prenoms"), rs.getShort("taille_menage"), rs.getInt("ressources_mensuelles"), revenuFiscal,
                tableau(rs.getArray("types_logement")), tableau(rs.getArray("communes_souhaitees")), rs.getBoolean("prioritaire"),
                rs.getString("statut_dalo"), rs.getBoolean("handicap"));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static List<String> tableau(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}

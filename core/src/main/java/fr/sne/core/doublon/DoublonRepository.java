package fr.sne.core.doublon;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The candidate rows of a duplicate search; inside a scoped transaction (RLS). */
@Singleton
class DoublonRepository {

    /** What the scoring needs of a stored application. */
    record Ligne(String numeroUnique, String nomNaissance, String nomUsage, String prenoms, LocalDate dateNaissance,
                 LocalDate dateDepot, String guichetEnregistreur) {
    }

    private final JdbcOperations jdbc;

    DoublonRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The territory's active applications born on one of these dates: a few dozen index probes
     * of {@code demande_doublon_idx} (territoire, date_naissance, nom_naissance_cle) WHERE ACTIVE.
     */
    List<Ligne> nesLe(String territoire, Collection<LocalDate> dates) {
        return jdbc.prepareStatement("""
                SELECT numero_unique, document->'demandeur'->>'nomNaissance', document->'demandeur'->>'nomUsage',
                       document->'demandeur'->>'prenoms', date_naissance, date_depot, guichet_enregistreur
                  FROM demande
                 WHERE territoire = ? AND etat = 'ACTIVE' AND date_naissance = ANY (?::date[])""", ps -> {
            ps.setString(1, territoire);
            ps.setArray(2, ps.getConnection().createArrayOf("date", dates.stream().map(Date::valueOf).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<Ligne> lignes = new ArrayList<>();
                while (rs.next()) {
                    lignes.add(new Ligne(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getString(7)));
                }
                return lignes;
            }
        });
    }
}

package fr.sne.core.numero;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * Issues unique numbers, in the territory's scope. The counter row stays locked until the calling
 * transaction ends (concurrent creators on any number of nodes wait for it, so none gets the same
 * number): call it as the last statement of a short transaction, not in the middle of the writes
 * of a registration, or every registration of the territory and month queues behind the one
 * holding the row (bench issue #11: ~400/s at most). A number whose transaction commits is never
 * issued again, even if the application that was to carry it is then not written (a gap).
 */
@Singleton
public class Numerotation {

    private final JdbcOperations jdbc;

    Numerotation(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public NumeroUnique attribuer(String territoire, String guichet, LocalDate dateDepot) {
        String mois = NumeroUnique.mois(dateDepot);
        int sequence = jdbc.prepareStatement("""
                INSERT INTO compteur_numero (territoire, mois, dernier) VALUES (?, ?, 1)
                ON CONFLICT (territoire, mois) DO UPDATE SET dernier = compteur_numero.dernier + 1
                RETURNING dernier""", ps -> {
            ps.setString(1, territoire);
            ps.setString(2, mois);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        return new NumeroUnique(territoire, mois, sequence, guichet);
    }
}

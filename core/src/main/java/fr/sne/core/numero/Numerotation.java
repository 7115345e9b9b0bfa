package fr.sne.core.numero;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * Issues unique numbers. Must run inside the registering transaction, in the territory's scope:
 * the counter row stays locked until that transaction ends, so a number is issued only with the
 * application that carries it (a rolled-back registration issues nothing).
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

package fr.sne.community.assistance;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC for the support feature's repositories; always called inside a scoped transaction
 * ({@code TenantTransactions.inScope}). Parameters are bound by their Java type.
 */
@Singleton
public class Sql {

    /** Reads one row. */
    @FunctionalInterface
    public interface Ligne<T> {
        T lire(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> liste(String sql, List<?> params, Ligne<T> ligne) {
        return jdbc.prepareStatement(sql, ps -> {
            lier(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> lignes = new ArrayList<>();
                while (rs.next()) {
                    lignes.add(ligne.lire(rs));
                }
                return lignes;
            }
        });
    }

    public <T> Optional<T> un(String sql, List<?> params, Ligne<T> ligne) {
        List<T> lignes = liste(sql, params, ligne);
        return lignes.isEmpty() ? Optional.empty() : Optional.of(lignes.getFirst());
    }

    public int maj(String sql, List<?> params) {
        return jdbc.prepareStatement(sql, ps -> {
            lier(ps, params);
            return ps.executeUpdate();
        });
    }

    static void lier(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int n = i + 1;
            switch (p) {
                case null -> ps.setNull(n, Types.NULL);
                case String s -> ps.setString(n, s);
                case Long l -> ps.setLong(n, l);
                case Integer e -> ps.setInt(n, e);
                case Boolean b -> ps.setBoolean(n, b);
                case Instant t -> ps.setTimestamp(n, Timestamp.from(t));
                case LocalDate d -> ps.setObject(n, d);
                case LocalTime t -> ps.setObject(n, t);
                case Enum<?> e -> ps.setString(n, e.name());
                case String[] a -> ps.setArray(n, ps.getConnection().createArrayOf("text", a));
                case Long[] a -> ps.setArray(n, ps.getConnection().createArrayOf("bigint", a));
                case Json j -> ps.setString(n, j.texte());
                default -> throw new IllegalArgumentException("Type de paramètre inattendu : " + p.getClass());
            }
        }
    }

    public static Instant instant(ResultSet rs, String colonne) throws SQLException {
        Timestamp t = rs.getTimestamp(colonne);
        return t == null ? null : t.toInstant();
    }

    public static Long longOuNull(ResultSet rs, String colonne) throws SQLException {
        long v = rs.getLong(colonne);
        return rs.wasNull() ? null : v;
    }

    /** A JSON document bound as text (cast with {@code ?::jsonb} in the statement). */
    public record Json(String texte) {
    }
}

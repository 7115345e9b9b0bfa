package fr.sne.community.espace;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Short JDBC statements for the community's features: spaces, forums, support… Always called
 * inside a scoped transaction ({@code TenantTransactions.inScope}). Parameters are bound by their
 * Java type (see {@link #lier}).
 */
@Singleton
public final class Sql {

    /** Reads one row. */
    @FunctionalInterface
    public interface Ligne<T> {
        T lire(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> liste(String sql, Ligne<T> ligne, Object... parametres) {
        return jdbc.prepareStatement(sql, ps -> {
            lier(ps, parametres);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> liste = new ArrayList<>();
                while (rs.next()) {
                    liste.add(ligne.lire(rs));
                }
                return liste;
            }
        });
    }

    public <T> Optional<T> un(String sql, Ligne<T> ligne, Object... parametres) {
        List<T> liste = liste(sql, ligne, parametres);
        return liste.isEmpty() ? Optional.empty() : Optional.ofNullable(liste.getFirst());
    }

    public long cle(String sql, Object... parametres) {
        return un(sql, rs -> rs.getLong(1), parametres).orElseThrow();
    }

    public int maj(String sql, Object... parametres) {
        return jdbc.prepareStatement(sql, ps -> {
            lier(ps, parametres);
            return ps.executeUpdate();
        });
    }

    /**
     * Binds by Java type: null, instants as timestamps, enums by name, {@link Json} as text (cast with
     * {@code ?::jsonb}), arrays and collections as SQL arrays (bigint for Longs, text otherwise).
     */
    private static void lier(PreparedStatement ps, Object[] parametres) throws SQLException {
        for (int i = 0; i < parametres.length; i++) {
            int n = i + 1;
            switch (parametres[i]) {
                case null -> ps.setNull(n, Types.NULL);
                case Instant instant -> ps.setTimestamp(n, Timestamp.from(instant));
                case Enum<?> e -> ps.setString(n, e.name());
                case Json j -> ps.setString(n, j.texte());
                case String[] a -> ps.setArray(n, ps.getConnection().createArrayOf("text", a));
                case Long[] a -> ps.setArray(n, ps.getConnection().createArrayOf("bigint", a));
                case Collection<?> c -> {
                    boolean nombres = !c.isEmpty() && c.iterator().next() instanceof Long;
                    ps.setArray(n, ps.getConnection().createArrayOf(nombres ? "bigint" : "text", c.toArray()));
                }
                case Object p -> ps.setObject(n, p);
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

    public static List<String> textes(ResultSet rs, String colonne) throws SQLException {
        Array a = rs.getArray(colonne);
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    public static List<Long> nombres(ResultSet rs, String colonne) throws SQLException {
        Array a = rs.getArray(colonne);
        return a == null ? List.of() : List.of((Long[]) a.getArray());
    }

    /** A JSON document bound as text (cast with {@code ?::jsonb} in the statement). */
    public record Json(String texte) {
    }
}

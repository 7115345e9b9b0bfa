package fr.sne.tenants.tenancy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The only way to run work on tenant tables: opens a transaction and sets its scope with
 * {@code set_config(..., true)} (SET LOCAL: {@code sne.territoire}, {@code sne.portee} and, for an
 * applicant, {@code sne.compte}), so PostgreSQL row-level security filters every query
 * and the setting is gone when the connection returns to the pool. Read-only scopes start a
 * read-only transaction, so the database refuses writes too.
 */
@Singleton
public class TenantTransactions {

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public <T> T inScope(Scope scope, Supplier<T> work) {
        TransactionDefinition definition = scope.readOnly() ? TransactionDefinition.READ_ONLY : TransactionDefinition.DEFAULT;
        return transactions.execute(definition, status -> {
            if (status.isNewTransaction()) {
                apply(status.getConnection(), scope);
                return work.get();
            }
            // Nested in a caller's transaction (which it joins): the inner scope holds for the inner
            // work only; the caller's settings come back afterwards, so a nested national read can
            // never widen the rest of a territory's transaction.
            String[] exterieur = settings(status.getConnection());
            apply(status.getConnection(), scope);
            try {
                return work.get();
            } finally {
                restore(status.getConnection(), exterieur);
            }
        });
    }

    /** Work of its own, committed whatever happens to the caller's transaction (audit of reads). */
    public <T> T independante(Supplier<T> work) {
        return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> work.get());
    }

    /** Work on tables that are not tenant data (identity resolution, reference data). */
    public <T> T withoutScope(Supplier<T> work) {
        return transactions.execute(TransactionDefinition.DEFAULT, status -> work.get());
    }

    private static String[] settings(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT current_setting('sne.territoire', true), current_setting('sne.portee', true), current_setting('sne.compte', true)");
             java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new String[]{rs.getString(1), rs.getString(2), rs.getString(3)};
        }
    }

    private static void restore(Connection connection, String[] settings) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT set_config('sne.territoire', ?, true), set_config('sne.portee', ?, true), set_config('sne.compte', ?, true)")) {
            for (int i = 0; i < 3; i++) {
                ps.setString(i + 1, settings[i] == null ? "" : settings[i]);
            }
            ps.execute();
        }
    }

    private static void apply(Connection connection, Scope scope) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT set_config('sne.territoire', ?, true), set_config('sne.portee', ?, true), set_config('sne.compte', ?, true)")) {
            ps.setString(1, scope.territoire() == null ? "" : scope.territoire());
            ps.setString(2, scope.portee());
            ps.setString(3, scope.compte() == null ? "" : scope.compte().toString());
            ps.execute();
        }
    }
}

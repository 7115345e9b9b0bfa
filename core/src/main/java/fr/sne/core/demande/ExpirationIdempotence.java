package fr.sne.core.demande;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Idempotency keys are kept 24 hours (contract): every hour, the older ones are deleted, so
 * that the table stays small. A replay within 24 h still finds its first answer; an older key
 * is new again (the claim itself ignores expired rows, whether or not this job ran).
 */
@Singleton
public class ExpirationIdempotence implements TacheRecurrente {

    /** How long a key replays its first answer. */
    public static final Duration DUREE = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(ExpirationIdempotence.class);

    private final TenantTransactions transactions;
    private final Territoires territoires;
    private final JdbcOperations jdbc;
    private final Clock clock;

    ExpirationIdempotence(TenantTransactions transactions, Territoires territoires, JdbcOperations jdbc, Clock clock) {
        this.transactions = transactions;
        this.territoires = territoires;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("expiration-idempotence", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int supprimees = executer(clock.instant());
                    if (supprimees > 0) {
                        LOG.info("Clés d'idempotence expirées supprimées : {}", supprimees);
                    }
                });
    }

    /** Deletes, in every territory, the keys claimed 24 h or more before {@code maintenant}; returns how many. */
    public int executer(Instant maintenant) {
        OffsetDateTime limite = OffsetDateTime.ofInstant(maintenant.minus(DUREE), ZoneOffset.UTC);
        int total = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            total += transactions.inScope(Scope.territoire(t.code()), () -> jdbc.prepareStatement(
                    "DELETE FROM idempotence WHERE territoire = ? AND cree_le <= ?", ps -> {
                        ps.setString(1, t.code());
                        ps.setObject(2, limite);
                        return ps.executeUpdate();
                    }));
        }
        return total;
    }
}

package fr.sne.tenants.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Creates the audit trail's monthly partitions three months ahead (rows never land in the default one). */
@Singleton
public class PartitionsAudit implements TacheRecurrente {

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final Clock clock;

    PartitionsAudit(TenantTransactions transactions, JdbcOperations jdbc, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("partitions-audit", Schedules.daily(ZoneId.of("Europe/Paris"), LocalTime.of(1, 15)))
                .execute((instance, context) -> creer(LocalDate.now(clock)));
    }

    /** Returns how many partitions were created (0 when they all exist). */
    public int creer(LocalDate depuis) {
        return transactions.withoutScope(() -> jdbc.prepareStatement("SELECT sne_audit_partitions(?, 4)", ps -> {
            ps.setDate(1, Date.valueOf(depuis.withDayOfMonth(1)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }
}

package fr.sne.tenants.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Persistent, cluster-safe jobs (db-scheduler on PostgreSQL): a crash or a second node never
 * runs a job twice nor loses it. Started once the server (and so Flyway) is up.
 */
@Singleton
@Requires(property = "sne.jobs.enabled", notEquals = "false")
class Planificateur implements ApplicationEventListener<ServerStartupEvent> {

    private final DataSource dataSource;
    private final List<TacheRecurrente> taches;
    private Scheduler scheduler;

    Planificateur(DataSource dataSource, List<TacheRecurrente> taches) {
        this.dataSource = dataSource;
        this.taches = taches;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (scheduler != null) {
            return;
        }
        List<RecurringTask<Void>> recurring = taches.stream().map(TacheRecurrente::tache).toList();
        // the raw pool: Micronaut's proxy hands out connections only inside its own transactions
        scheduler = Scheduler.create(DelegatingDataSource.unwrapDataSource(dataSource))
                .startTasks(recurring.toArray(RecurringTask[]::new))
                .threads(2)
                // one indexed query per poll and node; short enough that an export asked for by a
                // vendor starts within seconds (its task runs every 10 s)
                .pollingInterval(Duration.ofSeconds(5))
                .build();
        scheduler.start();
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}

package fr.sne.community.assistance.cloture;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.sla.ReglagesAssistance;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Closes ("Terminé") the tickets resolved for the configured number of days (setting
 * {@code jours_avant_cloture}, 7 by default) and not reopened since. Persistent (db-scheduler),
 * every hour; each ticket in its own transaction, re-checked under lock, so a requester's reply
 * that reopened it in between wins.
 */
@Singleton
public class ClotureAutomatique implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(ClotureAutomatique.class);

    private final DemandesAssistance demandes;
    private final ReglagesAssistance reglages;
    private final TenantTransactions transactions;
    private final Clock clock;

    ClotureAutomatique(DemandesAssistance demandes, ReglagesAssistance reglages, TenantTransactions transactions, Clock clock) {
        this.demandes = demandes;
        this.reglages = reglages;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("cloture-assistance", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int n = executer(clock.instant());
                    if (n > 0) {
                        LOG.info("Clôture automatique : {} demande(s) d’assistance terminée(s)", n);
                    }
                });
    }

    /** One run at {@code maintenant}: returns how many tickets were closed. */
    public int executer(Instant maintenant) {
        int jours = transactions.inScope(Scope.nationalReadOnly(), reglages::joursAvantCloture);
        return demandes.cloturerResolus(maintenant, jours);
    }
}

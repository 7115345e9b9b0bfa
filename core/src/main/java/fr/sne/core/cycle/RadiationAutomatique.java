package fr.sne.core.cycle;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * At the deadline: every night, the active applications whose renewal deadline has passed are
 * radiated for non-renewal (RADREN), territory by territory (SNE-mode territories: an SPTA
 * radiates in its own file and synchronises), a page of candidates at a time,
 * each in its own transaction. Persistent and cluster-safe: db-scheduler runs the task on one
 * node at a time, and a second runner anyway skips an application locked by the first and finds
 * it no longer active afterwards (and at most one radiation is in force per application, V16).
 */
@Singleton
public class RadiationAutomatique implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(RadiationAutomatique.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAR_LOT = 200;

    /** What one run did. */
    public record Bilan(int radiees, int echecs) {
    }

    private final TenantTransactions transactions;
    private final Territoires territoires;
    private final CycleRepository repository;
    private final CycleService cycle;

    RadiationAutomatique(TenantTransactions transactions, Territoires territoires, CycleRepository repository, CycleService cycle) {
        this.transactions = transactions;
        this.territoires = territoires;
        this.repository = repository;
        this.cycle = cycle;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("radiation-echeance", Schedules.daily(PARIS, LocalTime.of(0, 30)))
                .execute((instance, context) -> {
                    Bilan bilan = executer(cycle.aujourdhui());
                    LOG.info("Radiation à échéance : {} demande(s) radiée(s) (RADREN), {} échec(s)", bilan.radiees(), bilan.echecs());
                });
    }

    /** One run for the day {@code jour}: radiates the applications whose deadline is before it. */
    public Bilan executer(LocalDate jour) {
        int radiees = 0;
        int echecs = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            if (!"SNE".equals(t.mode())) {
                // an SPTA's local file radiates its own applications and sends the radiations through the interfaces
                continue;
            }
            CycleRepository.Candidat apres = CycleRepository.Candidat.DEBUT;
            List<CycleRepository.Candidat> lot;
            do {
                CycleRepository.Candidat depuis = apres;
                lot = transactions.inScope(Scope.territoireReadOnly(t.code()), () -> repository.echues(t.code(), jour, depuis, PAR_LOT));
                for (CycleRepository.Candidat c : lot) {
                    try {
                        if (cycle.radierAEcheance(t.code(), c.numero(), jour)) {
                            radiees++;
                        }
                    } catch (RuntimeException e) {
                        // one application's failure does not stop the others; it is tried again next night
                        echecs++;
                        LOG.error("Radiation à échéance de {} impossible", c.numero(), e);
                    }
                }
                if (!lot.isEmpty()) {
                    apres = lot.getLast();
                }
            } while (lot.size() == PAR_LOT);
        }
        return new Bilan(radiees, echecs);
    }
}

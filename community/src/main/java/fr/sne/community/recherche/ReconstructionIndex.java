package fr.sne.community.recherche;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The full rebuild of the search index, a persistent job: every few seconds it serves the pending
 * requests (a national administrator's button, or its own: the index was never built — at
 * start with a new folder — or the daily rebuild after 03:00 that brings back items a crash
 * kept from being indexed). One rebuild serves every request pending when it starts. A request
 * stays pending until its rebuild ends, so a rebuild cut short by a crash runs again.
 * <p>
 * The index lives on each node's disk: the job rebuilds the index of the node that runs it.
 */
@Singleton
public class ReconstructionIndex implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(ReconstructionIndex.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime QUOTIDIENNE = LocalTime.of(3, 0);
    /** After a failed automatic attempt, the next one waits this long. */
    private static final Duration REPIT = Duration.ofMinutes(5);

    private final MoteurRecherche moteur;
    private final List<SourceIndexation> sources;
    private final Reconstructions reconstructions;
    private final TenantTransactions transactions;
    private final Clock clock;

    ReconstructionIndex(MoteurRecherche moteur, List<SourceIndexation> sources, Reconstructions reconstructions,
                        TenantTransactions transactions, Clock clock) {
        this.moteur = moteur;
        this.sources = List.copyOf(sources);
        this.reconstructions = reconstructions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("reconstruction-index-recherche", Schedules.fixedDelay(Duration.ofSeconds(10)))
                .execute((instance, context) -> executer(clock.instant()));
    }

    /** One run at {@code maintenant}: the rebuild it did, if any. */
    public Optional<MoteurRecherche.Bilan> executer(Instant maintenant) {
        Optional<Long> enAttente = transactions.withoutScope(() -> {
            Optional<Long> dernier = reconstructions.derniereEnAttente();
            if (dernier.isPresent()) {
                return dernier;
            }
            return motifAutomatique(maintenant).map(m -> reconstructions.demander(m, null, maintenant));
        });
        if (enAttente.isEmpty()) {
            return Optional.empty();
        }
        long jusqua = enAttente.get();
        transactions.withoutScope(() -> {
            reconstructions.commencer(jusqua, maintenant);
            return null;
        });
        try {
            MoteurRecherche.Bilan bilan = moteur.reconstruire(sources);
            transactions.withoutScope(() -> {
                reconstructions.terminer(jusqua, clock.instant(), bilan.documents(), null);
                return null;
            });
            LOG.info("Index de recherche reconstruit : {} document(s) en {} ms", bilan.documents(), bilan.millisecondes());
            return Optional.of(bilan);
        } catch (RuntimeException e) {
            LOG.error("Reconstruction de l’index de recherche en échec", e);
            String erreur = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            transactions.withoutScope(() -> {
                reconstructions.terminer(jusqua, clock.instant(), null, erreur.length() > 500 ? erreur.substring(0, 500) : erreur);
                return null;
            });
            return Optional.empty();
        }
    }

    private Optional<Reconstructions.Motif> motifAutomatique(Instant maintenant) {
        if (moteur.reconstruitLe() == null && !reconstructions.demandeeDepuis(maintenant.minus(REPIT))) {
            return Optional.of(Reconstructions.Motif.INDEX_ABSENT);
        }
        ZonedDateTime ici = maintenant.atZone(PARIS);
        Instant seuil = ici.toLocalDate().atTime(QUOTIDIENNE).atZone(PARIS).toInstant();
        if (!maintenant.isBefore(seuil) && !reconstructions.demandeeDepuis(seuil)) {
            return Optional.of(Reconstructions.Motif.QUOTIDIENNE);
        }
        return Optional.empty();
    }
}

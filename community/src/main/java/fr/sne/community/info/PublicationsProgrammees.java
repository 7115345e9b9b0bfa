package fr.sne.community.info;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scheduled publications. Readers see a scheduled article from its date on (a rule of the reading
 * queries, so nobody waits for this job); this job then marks it published — audited as the
 * platform — and hands it to the search index, within the run's period.
 */
@Singleton
public class PublicationsProgrammees implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationsProgrammees.class);
    private static final Actor SYSTEME = new Actor.Systeme("publication-programmee");

    private final TenantTransactions transactions;
    private final ArticleRepository articles;
    private final AuditTrail audit;
    private final IndexationArticles index;
    private final Clock clock;

    PublicationsProgrammees(TenantTransactions transactions, ArticleRepository articles, AuditTrail audit,
                            IndexationArticles index, Clock clock) {
        this.transactions = transactions;
        this.articles = articles;
        this.audit = audit;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("publications-programmees", Schedules.fixedDelay(Duration.ofSeconds(20)))
                .execute((instance, context) -> {
                    int publiees = executer(clock.instant());
                    if (publiees > 0) {
                        LOG.info("Publications programmées : {} article(s) publié(s)", publiees);
                    }
                });
    }

    /** Publishes every scheduled article due at {@code maintenant}, territory by territory; returns how many. */
    public int executer(Instant maintenant) {
        List<String> territoires = transactions.inScope(Scope.nationalReadOnly(), () -> articles.territoiresProgrammesEchus(maintenant));
        List<Long> publies = new ArrayList<>();
        for (String territoire : territoires) {
            publies.addAll(transactions.inScope(Scope.ecriture(territoire), () -> {
                List<Long> ids = articles.publierProgrammesEchus(territoire, maintenant);
                for (long id : ids) {
                    audit.changement(SYSTEME, TypeAction.MODIFICATION, territoire, RedactionService.OBJET, Long.toString(id),
                            Map.of("statut", Statut.PROGRAMME.name()), Map.of("statut", Statut.PUBLIE.name()));
                }
                return ids;
            }));
        }
        publies.forEach(index::synchroniser);
        return publies.size();
    }
}

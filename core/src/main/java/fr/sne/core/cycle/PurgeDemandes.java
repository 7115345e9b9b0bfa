package fr.sne.core.cycle;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.documents.storage.ObjectStorage;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
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
import java.util.Map;

/**
 * Radiated data are kept one year after the radiation (for RADREN, not before the end of the
 * reactivation window), then purged every night: the application and everything that holds its
 * number (versions, events, online filing, attestations' outbox, radiations…) are deleted by
 * V16's {@code sne_purger_demande}, which keeps a tombstone of the number (never reused) and
 * leaves the anonymous statistics. One transaction per application, audited by the system. The
 * objects its rows held in storage ({@link ObjetsDemande}: supporting documents) are deleted once
 * that transaction commits; one left behind (store down) has no row any more, so the documents'
 * reconciliation deletes it.
 */
@Singleton
public class PurgeDemandes implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeDemandes.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Actor SYSTEME = new Actor.Systeme("purge-demandes");
    private static final int PAR_LOT = 200;

    /** What one run did. */
    public record Bilan(int purgees, int echecs) {
    }

    private final TenantTransactions transactions;
    private final Territoires territoires;
    private final CycleRepository repository;
    private final CycleService cycle;
    private final AuditTrail audit;
    private final List<ObjetsDemande> objets;
    private final ObjectStorage stockage;

    PurgeDemandes(TenantTransactions transactions, Territoires territoires, CycleRepository repository, CycleService cycle,
                  AuditTrail audit, List<ObjetsDemande> objets, ObjectStorage stockage) {
        this.transactions = transactions;
        this.territoires = territoires;
        this.repository = repository;
        this.cycle = cycle;
        this.audit = audit;
        this.objets = List.copyOf(objets);
        this.stockage = stockage;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("purge-demandes", Schedules.daily(PARIS, LocalTime.of(2, 30)))
                .execute((instance, context) -> {
                    Bilan bilan = executer(cycle.aujourdhui());
                    LOG.info("Purge des demandes radiées : {} demande(s) purgée(s), {} échec(s)", bilan.purgees(), bilan.echecs());
                });
    }

    /** One run for the day {@code jour}. */
    public Bilan executer(LocalDate jour) {
        int purgees = 0;
        int echecs = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            CycleRepository.Candidat apres = CycleRepository.Candidat.DEBUT;
            List<CycleRepository.Candidat> lot;
            do {
                CycleRepository.Candidat depuis = apres;
                lot = transactions.inScope(Scope.territoireReadOnly(t.code()), () -> repository.aPurger(t.code(), jour, depuis, PAR_LOT));
                for (CycleRepository.Candidat c : lot) {
                    try {
                        if (purger(t.code(), c.numero(), jour)) {
                            purgees++;
                        }
                    } catch (RuntimeException e) {
                        echecs++;
                        LOG.error("Purge de la demande {} impossible", c.numero(), e);
                    }
                }
                if (!lot.isEmpty()) {
                    apres = lot.getLast();
                }
            } while (lot.size() == PAR_LOT);
        }
        return new Bilan(purgees, echecs);
    }

    private boolean purger(String territoire, String numero, LocalDate jour) {
        List<String> cles = transactions.inScope(Scope.territoire(territoire), () -> {
            List<String> aSupprimer = objets.stream().flatMap(o -> o.cles(territoire, numero).stream()).toList();
            boolean purgee = repository.purger(territoire, numero, jour);
            if (!purgee) {
                return null;
            }
            audit.changement(SYSTEME, TypeAction.SUPPRESSION, territoire, "DEMANDE", numero, Map.of("etat", "RADIEE"),
                    aSupprimer.isEmpty() ? Map.of("operation", "PURGE") : Map.of("operation", "PURGE", "objets", aSupprimer.size()));
            return aSupprimer;
        });
        if (cles == null) {
            return false;
        }
        for (String cle : cles) {
            try {
                stockage.supprimer(cle);
            } catch (Exception e) {
                LOG.warn("Objet {} de la demande purgée {} non supprimé : la réconciliation des pièces le supprimera", cle, numero, e);
            }
        }
        return true;
    }
}

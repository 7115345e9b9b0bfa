package fr.sne.core.avis;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.sne.core.demande.DemandeService;
import fr.sne.tenants.jobs.TacheRecurrente;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Plans the renewal notices (a persistent job, hourly): for every active application whose
 * deadline lies within two months, the first notice for that deadline; within one month, the
 * registered letter. Planning looks at the whole window, not at one day: after a stop (or a
 * missed run) the next run catches up. A notice is unique per (territory, application,
 * deadline, kind): running twice, or on two nodes, plans nothing more. The {@link EnvoiAvis}
 * job sends what is planned.
 * <p>
 * Territories running their own system (SPTA) are left out: their local system manages the
 * applications' renewal and warns its applicants itself.
 */
@Singleton
public class PlanificationAvis implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(PlanificationAvis.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAR_LOT = 200;

    /** What one run planned. */
    public record Bilan(int premiersAvis, int derniersAvis) {
    }

    private final TenantTransactions transactions;
    private final AvisRepository avis;
    private final Territoires territoires;
    private final Clock clock;

    PlanificationAvis(TenantTransactions transactions, AvisRepository avis, Territoires territoires, Clock clock) {
        this.transactions = transactions;
        this.avis = avis;
        this.territoires = territoires;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("avis-renouvellement-planification", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    Bilan bilan = planifier(LocalDate.now(clock.withZone(PARIS)));
                    if (bilan.premiersAvis() + bilan.derniersAvis() > 0) {
                        LOG.info("Avis de renouvellement planifiés : {} premier(s) avis, {} dernier(s) avis (lettre recommandée)",
                                bilan.premiersAvis(), bilan.derniersAvis());
                    }
                });
    }

    /** One run as on {@code aujourdhui} (Europe/Paris date): every territory, a batch at a time. */
    public Bilan planifier(LocalDate aujourdhui) {
        int premiers = 0;
        int derniers = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            if (!"SNE".equals(t.mode())) {
                continue;
            }
            Lot lot;
            do {
                lot = transactions.inScope(Scope.territoire(t.code()), () -> planifierLot(t.code(), aujourdhui));
                premiers += lot.premiers();
                derniers += lot.derniers();
            } while (lot.candidats() == PAR_LOT);
        }
        return new Bilan(premiers, derniers);
    }

    private record Lot(int candidats, int premiers, int derniers) {
    }

    /**
     * One batch of candidates, planned in one transaction. A candidate another run planned
     * meanwhile conflicts (once that run commits) and adds nothing; once planned it is no longer
     * a candidate, so the loop ends.
     */
    private Lot planifierLot(String territoire, LocalDate aujourdhui) {
        Instant due = aujourdhui.atStartOfDay(PARIS).toInstant();
        int premiers = 0;
        int derniers = 0;
        List<AvisRepository.Candidat> candidats = avis.aPlanifier(territoire, aujourdhui, PAR_LOT);
        for (AvisRepository.Candidat c : candidats) {
            String guichet = ReglesAvis.guichetCourrier(c.guichet(), DemandeService.GUICHET_PORTAIL);
            if (c.premierDu()) {
                Optional<Long> id = avis.creerAvis(territoire, c.numero(), c.echeance(), NatureAvis.PREMIER_AVIS, aujourdhui);
                if (id.isPresent()) {
                    for (Canal canal : ReglesAvis.canauxPremierAvis(c.compteEnLigne(), c.mel(), c.telPortable())) {
                        String destinataire = switch (canal) {
                            case COURRIEL -> ReglesAvis.courriel(c.mel());
                            case SMS -> ReglesAvis.mobile(c.telPortable());
                            default -> null;
                        };
                        avis.creerEnvoi(territoire, id.get(), canal, destinataire, canal.numerique() ? null : guichet, due);
                    }
                    premiers++;
                }
            }
            if (c.dernierDu()) {
                Optional<Long> id = avis.creerAvis(territoire, c.numero(), c.echeance(), NatureAvis.DERNIER_AVIS, aujourdhui);
                if (id.isPresent()) {
                    avis.creerEnvoi(territoire, id.get(), Canal.RECOMMANDE, null, guichet, due);
                    derniers++;
                }
            }
        }
        return new Lot(candidats.size(), premiers, derniers);
    }
}

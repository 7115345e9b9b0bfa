package fr.sne.core.piece;

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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps object storage and the documents' rows in step, every night, territory by territory:
 * <ul>
 *   <li>an object no row refers to (bytes stored, then the database failed or the node died
 *   before the commit) is deleted once older than {@link #DELAI_GRACE}, so an upload still in
 *   flight is never touched;</li>
 *   <li>a row whose original is missing is flagged ({@code objet_manquant_le}: shown on the
 *   document, answered 410), logged as an error and written to the audit trail, where the
 *   territory's managers and national support find it (nothing can rebuild lost bytes); the flag
 *   goes when the object is back (restored from a backup);</li>
 *   <li>a row whose masked version or preview is missing gets its analysis run again, which
 *   rebuilds them.</li>
 * </ul>
 * The listing is read page by page and the rows by batches: memory stays bounded. The missing
 * check asks the store once per document (a HEAD): minutes for a territory's hundreds of
 * thousands of documents, fine for a nightly job.
 */
@Singleton
public class ReconciliationPieces implements TacheRecurrente {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationPieces.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Actor SYSTEME = new Actor.Systeme("reconciliation-pieces");

    static final Duration DELAI_GRACE = Duration.ofHours(1);
    private static final int LOT = 500;

    /** What one run did. */
    public record Bilan(int orphelinsSupprimes, int manquants, int derivesRelances) {
    }

    private final TenantTransactions transactions;
    private final Territoires territoires;
    private final PieceRepository pieces;
    private final ObjectStorage stockage;
    private final AuditTrail audit;
    private final Clock clock;

    ReconciliationPieces(TenantTransactions transactions, Territoires territoires, PieceRepository pieces, ObjectStorage stockage,
                         AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.territoires = territoires;
        this.pieces = pieces;
        this.stockage = stockage;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RecurringTask<Void> tache() {
        return Tasks.recurring("reconciliation-pieces", Schedules.daily(PARIS, LocalTime.of(3, 45)))
                .execute((instance, context) -> {
                    Bilan b = executer(clock.instant());
                    LOG.info("Réconciliation des pièces : {} objet(s) orphelin(s) supprimé(s), {} pièce(s) sans fichier, "
                            + "{} version(s) dérivée(s) à refaire", b.orphelinsSupprimes(), b.manquants(), b.derivesRelances());
                });
    }

    /** One run at {@code maintenant} over every territory. */
    public Bilan executer(Instant maintenant) {
        int orphelins = 0;
        int manquants = 0;
        int derives = 0;
        for (Territoire t : transactions.withoutScope(territoires::lister)) {
            try {
                orphelins += orphelins(t.code(), maintenant);
                int[] r = manquants(t.code(), maintenant);
                manquants += r[0];
                derives += r[1];
            } catch (RuntimeException e) {
                // the store or the database failed: the next territories are still checked, this one tomorrow
                LOG.error("Réconciliation des pièces du territoire {} interrompue", t.code(), e);
            }
        }
        return new Bilan(orphelins, manquants, derives);
    }

    private int orphelins(String territoire, Instant maintenant) {
        Instant avant = maintenant.minus(DELAI_GRACE);
        int supprimes = 0;
        List<String> lot = new ArrayList<>(LOT);
        for (ObjectStorage.Objet o : stockage.lister(ClesPieces.prefixe(territoire))) {
            // keys of ours only, old enough that no deposit can still be committing its row
            if (ClesPieces.numero(o.cle()) != null && o.modifieLe().isBefore(avant)) {
                lot.add(o.cle());
            }
            if (lot.size() == LOT) {
                supprimes += supprimerOrphelins(territoire, lot);
                lot.clear();
            }
        }
        return supprimes + supprimerOrphelins(territoire, lot);
    }

    private int supprimerOrphelins(String territoire, List<String> cles) {
        if (cles.isEmpty()) {
            return 0;
        }
        List<String> orphelins = transactions.inScope(Scope.territoireReadOnly(territoire), () -> pieces.nonReferencees(territoire, cles));
        int supprimes = 0;
        for (String cle : orphelins) {
            try {
                stockage.supprimer(cle);
                supprimes++;
                LOG.warn("Objet orphelin supprimé : {}", cle);
            } catch (Exception e) {
                LOG.error("Objet orphelin {} non supprimé", cle, e);
            }
        }
        return supprimes;
    }

    private int[] manquants(String territoire, Instant maintenant) {
        int manquants = 0;
        int derives = 0;
        long apres = 0;
        List<PieceRepository.Cles> lot;
        do {
            long depuis = apres;
            lot = transactions.inScope(Scope.territoireReadOnly(territoire), () -> pieces.lot(territoire, depuis, LOT));
            for (PieceRepository.Cles c : lot) {
                try {
                    boolean present = stockage.existe(c.cleObjet());
                    if (!present) {
                        manquants++;
                        if (!c.manquant()) {
                            signaler(territoire, c, maintenant);
                        }
                    } else if (c.manquant()) {
                        transactions.inScope(Scope.territoire(territoire), () -> pieces.marquerManquant(territoire, c.id(), null));
                        LOG.info("Pièce {} : fichier de nouveau présent ({})", c.id(), c.cleObjet());
                    }
                    if (present && ((c.cleMasquee() != null && !stockage.existe(c.cleMasquee()))
                            || (c.cleApercu() != null && !stockage.existe(c.cleApercu())))) {
                        if (transactions.inScope(Scope.territoire(territoire), () -> pieces.oublierDerive(territoire, c.id()))) {
                            derives++;
                            LOG.warn("Pièce {} : version dérivée absente du stockage, analyse relancée", c.id());
                        }
                    }
                } catch (Exception e) {
                    LOG.error("Réconciliation de la pièce {} impossible", c.id(), e);
                }
            }
            if (!lot.isEmpty()) {
                apres = lot.getLast().id();
            }
        } while (lot.size() == LOT);
        return new int[]{manquants, derives};
    }

    private void signaler(String territoire, PieceRepository.Cles c, Instant maintenant) {
        LOG.error("Pièce {} de la demande {} : fichier {} absent du stockage", c.id(), c.numero(), c.cleObjet());
        transactions.inScope(Scope.territoire(territoire), () -> {
            if (pieces.marquerManquant(territoire, c.id(), maintenant)) {
                audit.changement(SYSTEME, TypeAction.MODIFICATION, territoire, "PIECE", Long.toString(c.id()), null,
                        Map.of("numeroUnique", c.numero(), "objetManquant", true, "cle", c.cleObjet()));
            }
            return null;
        });
    }
}

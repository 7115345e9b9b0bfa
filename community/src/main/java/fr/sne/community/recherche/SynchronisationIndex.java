package fr.sne.community.recherche;

import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the spaces' and tickets' features keep their items searchable after a committed change:
 * the item's current state is read back and indexed, or removed from the index when it is gone
 * (or no longer searchable). Indexing never fails the change: a failure is logged and the item
 * comes back at the next full rebuild. Without a search engine deployed, nothing happens.
 */
@Singleton
public class SynchronisationIndex {

    private static final Logger LOG = LoggerFactory.getLogger(SynchronisationIndex.class);

    private final TenantTransactions transactions;
    private final BeanProvider<Indexation> indexation;

    SynchronisationIndex(TenantTransactions transactions, BeanProvider<Indexation> indexation) {
        this.transactions = transactions;
        this.indexation = indexation;
    }

    /** {@code etat} reads the item in a national read-only transaction: empty when it must leave the index. */
    public void synchroniser(String id, Supplier<Optional<DocumentIndexe>> etat) {
        if (!indexation.isPresent()) {
            return;
        }
        try {
            Optional<DocumentIndexe> document = transactions.inScope(Scope.nationalReadOnly(), etat);
            if (document.isPresent()) {
                indexation.get().indexer(document.get());
            } else {
                indexation.get().supprimer(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} non synchronisé avec l'index de recherche (repris à la prochaine reconstruction) : {}", id, e.toString());
        }
    }

    /** A new item whose document the caller already holds. */
    public void indexer(DocumentIndexe document) {
        if (!indexation.isPresent()) {
            return;
        }
        try {
            indexation.get().indexer(document);
        } catch (RuntimeException e) {
            LOG.warn("{} non indexé (repris à la prochaine reconstruction) : {}", document.id(), e.toString());
        }
    }
}

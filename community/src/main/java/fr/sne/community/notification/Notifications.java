package fr.sne.community.notification;

import fr.sne.community.espace.Espaces;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.ComplementLayout;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person's in-app notifications, only those of spaces they still see; and the unread count the
 * layout shows in the header of every page for signed-in professionals.
 */
@Singleton
public class Notifications implements ComplementLayout {

    private static final int LIMITE = 200;

    private final TenantTransactions transactions;
    private final NotificationRepository repository;
    private final Espaces espaces;
    private final Clock clock;

    Notifications(TenantTransactions transactions, NotificationRepository repository, Espaces espaces, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.espaces = espaces;
        this.clock = clock;
    }

    public List<Notification> lister(Actor.Professionnel actor) {
        Set<Long> visibles = espaces.idsVisibles(actor);
        return transactions.inScope(Scope.nationalReadOnly(), () -> repository.de(actor.utilisateurId(), visibles, LIMITE));
    }

    public int nonLues(Actor.Professionnel actor) {
        Set<Long> visibles = espaces.idsVisibles(actor);
        return visibles.isEmpty() ? 0
                : transactions.inScope(Scope.nationalReadOnly(), () -> repository.nonLues(actor.utilisateurId(), visibles));
    }

    /** Marks one of the person's notifications read (or all when {@code id} is null); someone else's: nothing. */
    public int marquerLues(Actor.Professionnel actor, Long id) {
        return transactions.inScope(Scope.nationalEcriture(), () -> repository.marquerLues(actor.utilisateurId(), id, clock.instant()));
    }

    @Override
    public void completer(Actor actor, Map<String, Object> model) {
        if (actor instanceof Actor.Professionnel p && !p.habilitations().isEmpty()) {
            model.put("notificationsNonLues", nonLues(p));
        }
    }
}

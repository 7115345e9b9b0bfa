package fr.sne.community.espace;

import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spaces a professional sees and the checked way into one. Features call {@link #ouvrir}
 * before anything they do in a space (404 when invisible, 403 for the wrong action), and run
 * their work in {@link #scope(Espace)}.
 */
@Singleton
public class Espaces {

    private final TenantTransactions transactions;
    private final EspaceRepository repository;

    public Espaces(TenantTransactions transactions, EspaceRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** Every space the actor may see, by name, with their role. */
    public List<EspaceVu> visibles(Actor actor) {
        if (!(actor instanceof Actor.Professionnel p)) {
            return List.of();
        }
        return transactions.inScope(Scope.nationalReadOnly(), () -> {
            Map<Long, RoleEspace> roles = repository.rolesDe(p.utilisateurId());
            return repository.tous().stream()
                    .map(e -> new EspaceVu(e, Optional.ofNullable(roles.get(e.id()))))
                    .filter(v -> EspacePolicy.decider(actor, v.espace(), v.role(), ActionEspace.VOIR).autorisee())
                    .toList();
        });
    }

    /** The ids of the spaces the actor sees (for filtering lists and notifications). */
    public Set<Long> idsVisibles(Actor actor) {
        return visibles(actor).stream().map(v -> v.espace().id()).collect(Collectors.toUnmodifiableSet());
    }

    /** The space for this action: 404 when the actor may not know of it, 403 when they may not do it. */
    public EspaceVu ouvrir(Actor actor, String slug, ActionEspace action) {
        return verifier(actor, transactions.inScope(Scope.nationalReadOnly(), () -> repository.parSlug(slug)), action);
    }

    public EspaceVu ouvrir(Actor actor, long id, ActionEspace action) {
        return verifier(actor, transactions.inScope(Scope.nationalReadOnly(), () -> repository.parId(id)), action);
    }

    /** The decision alone, for showing or hiding a button. */
    public Decision decider(Actor actor, EspaceVu espace, ActionEspace action) {
        return EspacePolicy.decider(actor, espace.espace(), espace.role(), action);
    }

    private EspaceVu verifier(Actor actor, Optional<Espace> espace, ActionEspace action) {
        if (espace.isEmpty()) {
            Acces.exiger(Decision.INTROUVABLE);
        }
        Optional<RoleEspace> role = actor instanceof Actor.Professionnel p
                ? transactions.inScope(Scope.nationalReadOnly(), () -> Optional.ofNullable(repository.rolesDe(p.utilisateurId()).get(espace.get().id())))
                : Optional.empty();
        Acces.exiger(EspacePolicy.decider(actor, espace.get(), role, action));
        return new EspaceVu(espace.get(), role);
    }

    /**
     * The database scope for work in the space: its territory's for a territory's space, national
     * otherwise (national community content; who may write was decided by {@link EspacePolicy}).
     */
    public static Scope scope(Espace espace) {
        return Scope.ecriture(espace.territoire());
    }
}

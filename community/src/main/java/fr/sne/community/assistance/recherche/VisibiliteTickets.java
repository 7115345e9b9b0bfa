package fr.sne.community.assistance.recherche;

import fr.sne.community.assistance.AssistancePolicy;
import fr.sne.community.assistance.Organisation;
import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.VisibiliteUtilisateur;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** The search tokens that open tickets: oneself, one's organisations and teams, and the agents' token. */
@Singleton
class VisibiliteTickets implements VisibiliteUtilisateur {

    private final TenantTransactions transactions;
    private final EquipeRepository equipes;

    VisibiliteTickets(TenantTransactions transactions, EquipeRepository equipes) {
        this.transactions = transactions;
        this.equipes = equipes;
    }

    @Override
    public Set<String> acces(Actor actor) {
        if (!(actor instanceof Actor.Professionnel p) || p.habilitations().isEmpty()) {
            return Set.of();
        }
        Set<String> jetons = new HashSet<>();
        jetons.add(Acces.utilisateur(p.utilisateurId()));
        p.habilitations().stream().map(Organisation::de).filter(Objects::nonNull).map(Organisation::jeton).forEach(jetons::add);
        transactions.inScope(Scope.nationalReadOnly(), () -> equipes.idsDe(p.utilisateurId())).forEach(e -> jetons.add(Acces.equipe(e)));
        if (AssistancePolicy.agent(actor)) {
            jetons.add(Acces.assistance());
        }
        return jetons;
    }
}

package fr.sne.community.info;

import fr.sne.community.recherche.Acces;
import fr.sne.community.recherche.VisibiliteUtilisateur;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Set;

/**
 * What a reader may open on the information site, as search tokens: the same rule as the pages
 * ({@link ArticlePolicy#lecteur}), so search never shows an article its page would refuse, nor
 * hides one it would show (national roles open every territory's local pages).
 */
@Singleton
class VisibiliteInfo implements VisibiliteUtilisateur {

    private final ArticlePolicy policy;
    private final TenantTransactions transactions;
    private final Territoires territoires;

    VisibiliteInfo(ArticlePolicy policy, TenantTransactions transactions, Territoires territoires) {
        this.policy = policy;
        this.transactions = transactions;
        this.territoires = territoires;
    }

    @Override
    public Set<String> acces(Actor actor) {
        Lecteur lecteur = policy.lecteur(actor);
        Set<String> acces = new HashSet<>();
        acces.add(Acces.PUBLIC);
        if (lecteur.professionnel()) {
            acces.add(Acces.PROFESSIONNEL);
        }
        lecteur.territoires().forEach(t -> acces.add(Acces.territoire(t)));
        if (lecteur.national()) {
            transactions.withoutScope(territoires::lister).stream().map(Territoire::code).forEach(t -> acces.add(Acces.territoire(t)));
        }
        return acces;
    }
}

package fr.sne.community.forum;

import fr.sne.community.accueil.Nouveaute;
import fr.sne.community.accueil.SourceNouveautes;
import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The forums' recent activity for the community home: topics by last post. */
@Singleton
class NouveautesForum implements SourceNouveautes {

    private final TenantTransactions transactions;
    private final ForumRepository forum;
    private final EspaceRepository espaces;

    NouveautesForum(TenantTransactions transactions, ForumRepository forum, EspaceRepository espaces) {
        this.transactions = transactions;
        this.forum = forum;
        this.espaces = espaces;
    }

    @Override
    public List<Nouveaute> recentes(Set<Long> ids, int limite) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return transactions.inScope(Scope.nationalReadOnly(), () -> {
            Map<Long, Espace> parId = espaces.tous().stream().collect(Collectors.toMap(Espace::id, Function.identity()));
            return forum.derniersSujets(ids, limite).stream()
                    .map(s -> new Nouveaute(s.resolu() ? "Sujet résolu" : "Sujet", s.titre(),
                            s.reponses() == 0 ? "Nouveau sujet de " + s.auteur() : s.reponses() + (s.reponses() == 1 ? " réponse" : " réponses"),
                            s.url(), s.espaceId(), parId.get(s.espaceId()).nom(), s.dernierMessageLe()))
                    .toList();
        });
    }
}

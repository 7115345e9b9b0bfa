package fr.sne.app;

import fr.sne.community.assistance.SaisieTicket;
import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo personas as actors (their real user ids, the habilitations of the demo data), and ticket inputs. */
final class AssistanceFixture {

    private final TenantTransactions transactions;
    private final EquipeRepository equipes;

    AssistanceFixture(TenantTransactions transactions, EquipeRepository equipes) {
        this.transactions = transactions;
        this.equipes = equipes;
    }

    long id(String email) {
        return transactions.withoutScope(() -> equipes.utilisateurParCourriel(email)).orElseThrow();
    }

    long equipe(String nom) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> equipes.toutes().stream().filter(e -> e.nom().equals(nom))
                .findFirst().orElseThrow().id());
    }

    Actor.Professionnel pro(String email) {
        Habilitation h = switch (email) {
            case "agent.actis@sne.test" -> new Habilitation(1, Profil.GUICHET_ENREGISTREUR, "38001", "ACTIS", "038", "Isère");
            case "manager.actis@sne.test" -> new Habilitation(2, Profil.GUICHET_MANAGER, "38001", "ACTIS", "038", "Isère");
            case "agent.stegreve@sne.test" -> new Habilitation(3, Profil.GUICHET_ENREGISTREUR, "38002", "Commune de Saint-Égrève", "038", "Isère");
            case "agent.logis@sne.test" -> new Habilitation(4, Profil.GUICHET_ENREGISTREUR, "30001", "Logis Cévenols", "030", "Gard");
            case "gt.isere@sne.test" -> new Habilitation(5, Profil.GESTIONNAIRE_TERRITORIAL, null, null, "038", "Isère");
            case "gt.gard@sne.test" -> new Habilitation(6, Profil.GESTIONNAIRE_TERRITORIAL, null, null, "030", "Gard");
            case "support@sne.test" -> new Habilitation(7, Profil.ASSISTANCE_NATIONALE, null, null, null, null);
            case "admin@sne.test" -> new Habilitation(8, Profil.ADMINISTRATEUR_NATIONAL, null, null, null, null);
            default -> throw new IllegalArgumentException(email);
        };
        return new Actor.Professionnel(id(email), email, "T", "T", List.of(h), null);
    }

    /** An SNE anomaly in production, shared as asked. */
    static SaisieTicket anomalie(long typeId, String resume, boolean organisation, Set<Long> equipes) {
        return new SaisieTicket(Long.toString(typeId), "NORMALE", resume, "Le **bouton** ne répond pas.",
                Map.of("environnement", "Production"), organisation, equipes);
    }
}

package fr.sne.community.recherche;

import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The index's state for national profiles, and the national administrators' rebuild request. */
@Singleton
public class AdministrationIndex {

    /** What the administration page shows. */
    public record Etat(int documents, Instant reconstruitLe, List<Reconstructions.Demande> demandes, boolean peutReconstruire) {
    }

    private final MoteurRecherche moteur;
    private final Reconstructions reconstructions;
    private final RecherchePolicy policy;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    AdministrationIndex(MoteurRecherche moteur, Reconstructions reconstructions, RecherchePolicy policy,
                        TenantTransactions transactions, AuditTrail audit, Clock clock) {
        this.moteur = moteur;
        this.reconstructions = reconstructions;
        this.policy = policy;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Etat etat(Actor actor) {
        Acces.exiger(policy.decider(actor, ActionRecherche.CONSULTER_INDEX));
        String le = moteur.reconstruitLe();
        return new Etat(moteur.taille(), le == null ? null : Instant.parse(le),
                transactions.withoutScope(() -> reconstructions.dernieres(10)),
                policy.decider(actor, ActionRecherche.RECONSTRUIRE).autorisee());
    }

    /** Records the request (audited in the same transaction); the job takes it within seconds. */
    public long demanderReconstruction(Actor actor) {
        Acces.exiger(policy.decider(actor, ActionRecherche.RECONSTRUIRE));
        Long utilisateur = actor instanceof Actor.Professionnel p ? p.utilisateurId() : null;
        return transactions.withoutScope(() -> {
            long id = reconstructions.demander(Reconstructions.Motif.ADMINISTRATEUR, utilisateur, clock.instant());
            audit.changement(actor, TypeAction.CREATION, null, "reconstruction_recherche", Long.toString(id), null,
                    Map.of("motif", Reconstructions.Motif.ADMINISTRATEUR.name()));
            return id;
        });
    }
}

package fr.sne.tenants.habilitation;

import fr.sne.tenants.web.Refus;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.guichet.Annuaire;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Decision;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Profil;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The habilitation lifecycle: requested by a professional → certified by the territory's GT
 * (or an administrator) → active; suspended, reactivated, revoked; confirmed in review campaigns.
 */
@Singleton
public class HabilitationService {

    /** Profiles that can be requested on a desk (the territorial and national ones are granted otherwise). */
    public static final List<Profil> PROFILS_GUICHET = List.of(Profil.GUICHET_ENREGISTREUR, Profil.GUICHET_MANAGER,
            Profil.CONSULTANT_SIMPLE, Profil.CONSULTANT_DEMANDE, Profil.CONSULTANT_SENSIBLE);

    private final HabilitationRepository habilitations;
    private final HabilitationPolicy policy;
    private final TenantTransactions transactions;
    private final Annuaire annuaire;
    private final AuditTrail audit;
    private final Clock clock;

    HabilitationService(HabilitationRepository habilitations, HabilitationPolicy policy, TenantTransactions transactions,
                        Annuaire annuaire, AuditTrail audit, Clock clock) {
        this.habilitations = habilitations;
        this.policy = policy;
        this.transactions = transactions;
        this.annuaire = annuaire;
        this.audit = audit;
        this.clock = clock;
    }

    /** A professional asks for a profile on a desk; the territory's GT will certify it. */
    public long demander(Actor actor, String guichetCode, String profilCode, String motif) {
        Acces.exiger(policy.decider(actor, ActionHabilitation.DEMANDER, null));
        Actor.Professionnel demandeur = (Actor.Professionnel) actor;
        Formulaire form = new Formulaire();
        Optional<Annuaire.Entree> guichet = guichetCode == null ? Optional.empty() : transactions.withoutScope(() -> annuaire.guichet(guichetCode));
        if (guichet.isEmpty() || !guichet.get().actif() || guichet.get().territoire() == null) {
            form.erreur("guichet", "Choisissez un guichet actif dans la liste.");
        }
        Profil profil = PROFILS_GUICHET.stream().filter(p -> p.name().equals(profilCode)).findFirst().orElse(null);
        if (profil == null) {
            form.erreur("profil", "Choisissez le profil demandé.");
        }
        if (motif != null && motif.length() > 1000) {
            form.erreur("motif", "Le motif ne doit pas dépasser 1 000 caractères.");
        }
        form.verifier();
        String territoire = guichet.get().territoire();
        return transactions.inScope(Scope.territoire(territoire), () -> {
            if (habilitations.existe(demandeur.utilisateurId(), profil, guichetCode, territoire)) {
                throw new Formulaire.Invalide(new Formulaire().erreur("profil",
                        "Vous avez déjà une demande en cours ou une habilitation pour ce profil sur ce guichet."));
            }
            long id = habilitations.demander(demandeur.utilisateurId(), profil, guichetCode, territoire, motif, clock.instant());
            if (id < 0) {
                // a concurrent identical request won the race
                throw new Formulaire.Invalide(new Formulaire().erreur("profil",
                        "Vous avez déjà une demande en cours ou une habilitation pour ce profil sur ce guichet."));
            }
            audit.changement(actor, TypeAction.CREATION, territoire, "HABILITATION", String.valueOf(id), null,
                    Map.of("profil", profil.name(), "guichet", guichetCode, "statut", "DEMANDEE"));
            return id;
        });
    }

    /** The habilitations of the actor's territory (every territory for national roles), optionally by status. */
    public List<FicheHabilitation> lister(Actor actor, String statut) {
        Scope scope = Acces.scope(actor);
        Acces.exiger(policy.decider(actor, ActionHabilitation.CONSULTER, scope.territoire()));
        List<FicheHabilitation> list = transactions.inScope(Scope.lecture(scope), () -> habilitations.lister(statut));
        audit.lecture(actor, TypeAction.LECTURE, scope.territoire(), "HABILITATIONS", statut, Map.of("nombre", list.size()));
        return list;
    }

    public void certifier(Actor actor, long id) {
        changer(actor, id, ActionHabilitation.CERTIFIER, "DEMANDEE", "ACTIVE", "certifiee_par = ?, certifiee_le = ?",
                utilisateur(actor), clock.instant());
    }

    public void refuser(Actor actor, long id) {
        changer(actor, id, ActionHabilitation.CERTIFIER, "DEMANDEE", "REVOQUEE", "revoquee_le = ?", clock.instant());
    }

    public void suspendre(Actor actor, long id) {
        changer(actor, id, ActionHabilitation.SUSPENDRE, "ACTIVE", "SUSPENDUE",
                "suspendue_le = ?, motif_suspension = 'MANUELLE'", clock.instant());
    }

    public void reactiver(Actor actor, long id) {
        changer(actor, id, ActionHabilitation.REACTIVER, "SUSPENDUE", "ACTIVE",
                "suspendue_le = NULL, motif_suspension = NULL, avertissement_inactivite_le = NULL, confirmee_le = ?",
                clock.instant());
    }

    public void revoquer(Actor actor, long id) {
        changer(actor, id, ActionHabilitation.REVOQUER, "ACTIVE,SUSPENDUE", "REVOQUEE", "revoquee_le = ?", clock.instant());
    }

    /**
     * Review campaign: confirms some active habilitations and revokes others, all in one
     * transaction. One's own habilitation is left out; rows not in the expected status are skipped.
     */
    public int revue(Actor actor, Collection<Long> confirmer, Collection<Long> revoquer) {
        Scope scope = Acces.scope(actor);
        Acces.exiger(policy.decider(actor, ActionHabilitation.REVUE, scope.territoire()));
        if (scope.national()) {
            throw new Refus(HttpStatus.FORBIDDEN,
                    "Une revue se fait territoire par territoire : connectez-vous avec une habilitation de gestionnaire territorial.");
        }
        long moi = utilisateur(actor);
        Instant maintenant = clock.instant();
        return transactions.inScope(Scope.territoire(scope.territoire()), () -> {
            int count = 0;
            for (long id : confirmer) {
                count += revoir(actor, scope.territoire(), moi, id, "ACTIVE", "ACTIVE", "confirmee_le = ?", maintenant);
            }
            for (long id : revoquer) {
                count += revoir(actor, scope.territoire(), moi, id, "ACTIVE,SUSPENDUE", "REVOQUEE", "revoquee_le = ?", maintenant);
            }
            return count;
        });
    }

    private int revoir(Actor actor, String territoire, long moi, long id, String depuis, String vers, String set, Instant t) {
        Optional<FicheHabilitation> avant = habilitations.trouver(id);
        if (avant.isEmpty() || avant.get().utilisateurId() == moi || !habilitations.transition(id, depuis, vers, set, t)) {
            return 0;
        }
        audit.changement(actor, TypeAction.MODIFICATION, territoire, "HABILITATION", String.valueOf(id),
                Map.of("statut", avant.get().statut()), Map.of("statut", vers, "action", ActionHabilitation.REVUE.name()));
        return 1;
    }

    private boolean changer(Actor actor, long id, ActionHabilitation action, String depuis, String vers, String set,
                            Object... params) {
        Scope scope = Acces.scope(actor);
        FicheHabilitation avant = transactions.inScope(Scope.lecture(scope), () -> habilitations.trouver(id))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Habilitation introuvable"));
        Decision decision = policy.decider(actor, action, avant.territoire());
        Acces.exiger(decision);
        if (avant.territoire() == null) {
            throw new Refus(HttpStatus.FORBIDDEN,
                    "Les habilitations nationales ne se gèrent pas depuis cette page.");
        }
        if (avant.utilisateurId() == utilisateur(actor)) {
            throw new Refus(HttpStatus.FORBIDDEN, "On ne certifie ni ne suspend sa propre habilitation.");
        }
        return transactions.inScope(Scope.territoire(avant.territoire()), () -> {
            boolean fait = habilitations.transition(id, depuis, vers, set, params);
            if (!fait && !avant.statut().equals(vers)) {
                throw new Refus(HttpStatus.CONFLICT,
                        "Cette habilitation a changé entre-temps (statut : " + avant.getStatutLibelle() + ").");
            }
            if (fait) {
                audit.changement(actor, TypeAction.MODIFICATION, avant.territoire(), "HABILITATION", String.valueOf(id),
                        Map.of("statut", avant.statut()), Map.of("statut", vers, "action", action.name()));
            }
            return fait;
        });
    }

    private static long utilisateur(Actor actor) {
        return actor instanceof Actor.Professionnel p ? p.utilisateurId() : -1;
    }


}

package fr.sne.core.saisie;

import fr.sne.core.demande.ActionDemande;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandePolicy;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.DoublonsProbables;
import fr.sne.core.doublon.Candidat;
import fr.sne.core.doublon.RechercheDoublons;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The desk's CERFA form: drafts of the agent's desk (saved tab by tab) and their registration.
 * Drafts follow the creation rule of applications and stay within their desk.
 */
@Singleton
class SaisieService {

    private final TenantTransactions transactions;
    private final BrouillonRepository brouillons;
    private final DemandePolicy policy;
    private final DemandeService demandes;
    private final RechercheDoublons doublons;
    private final AuditTrail audit;

    SaisieService(TenantTransactions transactions, BrouillonRepository brouillons, DemandePolicy policy, DemandeService demandes,
                  RechercheDoublons doublons, AuditTrail audit) {
        this.doublons = doublons;
        this.audit = audit;
        this.transactions = transactions;
        this.brouillons = brouillons;
        this.policy = policy;
        this.demandes = demandes;
    }

    List<Brouillon> brouillons(Actor.Professionnel actor) {
        Habilitation h = guichet(actor);
        List<Brouillon> liste = transactions.inScope(Scope.territoireReadOnly(h.territoire()),
                () -> brouillons.duGuichet(h.territoire(), h.guichet()));
        if (!liste.isEmpty()) {
            audit.lecture(actor, TypeAction.LECTURE, h.territoire(), "BROUILLON", null,
                    Map.of("brouillons", liste.stream().map(Brouillon::id).toList()));
        }
        return liste;
    }

    Brouillon brouillon(Actor.Professionnel actor, long id) {
        Habilitation h = guichet(actor);
        Brouillon b = transactions.inScope(Scope.territoireReadOnly(h.territoire()), () -> brouillons.trouver(h.territoire(), h.guichet(), id))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Ce brouillon n’existe pas ou a déjà été enregistré."));
        audit.lecture(actor, TypeAction.LECTURE, h.territoire(), "BROUILLON", String.valueOf(id), null);
        return b;
    }

    /** Saves a draft (a new one when {@code id} is null) and returns its id. */
    long enregistrer(Actor.Professionnel actor, Long id, DemandeJson.Contenu contenu, Onglet onglet) {
        Habilitation h = guichet(actor);
        return transactions.inScope(Scope.territoire(h.territoire()), () -> {
            if (id == null) {
                long nouveau = brouillons.inserer(h.territoire(), h.guichet(), actor.email(), contenu, onglet);
                audit.changement(actor, TypeAction.CREATION, h.territoire(), "BROUILLON", String.valueOf(nouveau), null,
                        Map.of("onglet", onglet.code()));
                return nouveau;
            }
            if (!brouillons.mettreAJour(h.territoire(), h.guichet(), id, contenu, onglet)) {
                throw new Refus(HttpStatus.NOT_FOUND, "Ce brouillon n’existe pas ou a déjà été enregistré.");
            }
            audit.changement(actor, TypeAction.MODIFICATION, h.territoire(), "BROUILLON", String.valueOf(id), null,
                    Map.of("onglet", onglet.code()));
            return id;
        });
    }

    void supprimer(Actor.Professionnel actor, long id) {
        Habilitation h = guichet(actor);
        transactions.inScope(Scope.territoire(h.territoire()), () -> {
            brouillons.supprimer(h.territoire(), h.guichet(), id);
            audit.changement(actor, TypeAction.SUPPRESSION, h.territoire(), "BROUILLON", String.valueOf(id), null, null);
            return null;
        });
    }

    /**
     * Registers the draft as an application (number issued) and deletes the draft. Throws the
     * service's {@code DemandeInvalide} or {@code DoublonsProbables} when it cannot be registered.
     */
    DemandeJson.Demande deposer(Actor.Professionnel actor, long id, String confirmationNonDoublon) {
        Brouillon brouillon = brouillon(actor, id);
        DemandeJson.Demandeur d = brouillon.contenu().demandeur();
        if (confirmationNonDoublon == null && d != null) {
            // the desk sees near matches too (typos, swapped first names, birth-date slips), not only the exact keys
            Habilitation h = guichet(actor);
            List<Candidat> proches = doublons.candidats(h.territoire(), d.nomNaissance(), d.prenoms(), d.dateNaissance());
            if (!proches.isEmpty()) {
                throw new DoublonsProbables(proches.stream().map(Candidat::numeroUnique).toList());
            }
        }
        DemandeJson.Demande demande = demandes.creer(actor, new DemandeJson.Creation(brouillon.contenu(), confirmationNonDoublon, null),
                "brouillon-" + id).demande();
        supprimer(actor, id);
        return demande;
    }

    /** The active applications of the desk's territory that look like this applicant's, closest first (audited). */
    List<Candidat> candidats(Actor.Professionnel actor, DemandeJson.Demandeur demandeur) {
        if (demandeur == null) {
            return List.of();
        }
        return doublons.rechercher(actor, null, demandeur.nomNaissance(), demandeur.prenoms(), demandeur.dateNaissance());
    }

    private Habilitation guichet(Actor.Professionnel actor) {
        Habilitation h = actor.habilitationActive().filter(x -> x.guichet() != null)
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Seul un guichet enregistreur peut saisir une demande."));
        Acces.exiger(policy.decider(actor, ActionDemande.CREER, h.territoire()));
        return h;
    }
}

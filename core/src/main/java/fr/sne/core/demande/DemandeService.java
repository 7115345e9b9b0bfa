package fr.sne.core.demande;

import fr.sne.core.numero.Numerotation;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registering and reading applications. A registration is one transaction: the number, the
 * application, its movement (GDM) and the audit row commit together or not at all.
 */
@Singleton
public class DemandeService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A creation's outcome; {@code rejouee} when an Idempotency-Key replayed an earlier creation. */
    public record Resultat(DemandeJson.Demande demande, boolean rejouee) {
    }

    private final TenantTransactions transactions;
    private final DemandeRepository demandes;
    private final DemandePolicy policy;
    private final ValidationDemande validation;
    private final Numerotation numerotation;
    private final Territoires territoires;
    private final AuditTrail audit;
    private final Clock clock;

    DemandeService(TenantTransactions transactions, DemandeRepository demandes, DemandePolicy policy,
                   ValidationDemande validation, Numerotation numerotation, Territoires territoires, AuditTrail audit,
                   Clock clock) {
        this.transactions = transactions;
        this.demandes = demandes;
        this.policy = policy;
        this.validation = validation;
        this.numerotation = numerotation;
        this.territoires = territoires;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers an application for the API client's desk (the filing date is the server's today). */
    public Resultat creer(Actor.ClientApi client, DemandeJson.Creation creation, String cleIdempotence) {
        String territoire = client.territoire();
        Acces.exiger(policy.decider(client, ActionDemande.CREER, territoire));
        LocalDate aujourdhui = LocalDate.now(clock.withZone(PARIS));
        return transactions.inScope(Scope.territoire(territoire), () -> {
            if (cleIdempotence != null) {
                Optional<String> premier = demandes.reclamer(territoire, client.clientId(), cleIdempotence);
                if (premier.isPresent()) {
                    return new Resultat(demandes.trouver(premier.get()).orElseThrow(), true);
                }
            }
            List<String> departements = territoires.trouver(territoire).orElseThrow().departements();
            var anomalies = validation.anomalies(creation, departements, aujourdhui);
            if (!anomalies.isEmpty()) {
                throw new DemandeInvalide(anomalies);
            }
            DemandeJson.Demandeur demandeur = creation.demandeur();
            if (creation.confirmationNonDoublon() == null || creation.confirmationNonDoublon().isBlank()) {
                List<String> doublons = demandes.doublons(territoire, Cles.cle(demandeur.nomNaissance()),
                        Cles.cle(demandeur.prenoms()), demandeur.dateNaissance());
                if (!doublons.isEmpty()) {
                    throw new DoublonsProbables(doublons);
                }
            }
            String numero = numerotation.attribuer(territoire, client.guichet(), aujourdhui).toString();
            DemandeJson.Demande demande = new DemandeJson.Demande(numero, territoire, "ACTIVE", aujourdhui, null,
                    aujourdhui.plusYears(1), client.guichet(), 1, demandeur, creation.logementRecherche());
            demandes.inserer(demande);
            demandes.mouvement(territoire, numero, "CRE", List.of("CERFA"));
            if (cleIdempotence != null) {
                demandes.associer(territoire, client.clientId(), cleIdempotence, numero);
            }
            audit.changement(client, TypeAction.CREATION, territoire, "DEMANDE", numero, null,
                    creation.confirmationNonDoublon() == null ? Map.of("etat", "ACTIVE")
                            : Map.of("etat", "ACTIVE", "confirmationNonDoublon", creation.confirmationNonDoublon()));
            return new Resultat(demande, false);
        });
    }

    /** An application of the actor's territory; other territories' numbers are simply not found. */
    public DemandeJson.Demande consulter(Actor actor, String numero) {
        // an API client reads in its desk's territory; a person in their habilitation's scope (RLS filters the rest)
        Scope scope = actor instanceof Actor.ClientApi c ? Scope.territoireReadOnly(c.territoire()) : Scope.lecture(Acces.scope(actor));
        DemandeJson.Demande demande = transactions.inScope(scope, () -> demandes.trouver(numero))
                .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Aucune demande " + numero + " dans votre territoire."));
        Acces.exiger(policy.decider(actor, ActionDemande.CONSULTER, demande.territoire()));
        audit.lecture(actor, TypeAction.LECTURE, demande.territoire(), "DEMANDE", numero, null);
        return demande;
    }
}

package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.Journal;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoire;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared history of an application: reading it (audited), a desk's new event and its
 * deletion. Each change is one transaction of the application's territory: the event row, its
 * movement ({@code EVT}, GDM feed) and its audit row commit together or not at all.
 */
@Singleton
public class EvenementService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The history as read for one actor, with the application it belongs to. */
    public record Historique(String territoire, String numeroUnique, String etat, LocalDate dateDepot, List<Evenement> evenements) {
    }

    private final TenantTransactions transactions;
    private final EvenementRepository evenements;
    private final GestionPartageePolicy policy;
    private final ValidationEvenement validation;
    private final Journal journal;
    private final CatalogueEvenements catalogue;
    private final Territoires territoires;
    private final AuditTrail audit;
    private final Clock clock;

    EvenementService(TenantTransactions transactions, EvenementRepository evenements, GestionPartageePolicy policy,
                     ValidationEvenement validation, Journal journal, CatalogueEvenements catalogue, Territoires territoires,
                     AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.evenements = evenements;
        this.policy = policy;
        this.validation = validation;
        this.journal = journal;
        this.catalogue = catalogue;
        this.territoires = territoires;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The history of an application as the actor may read it: every event (deleted ones flagged)
     * for a professional or an API client; for an applicant, read in their account's scope, only
     * those meant for them ({@link GestionPartageePolicy#visibleDuDemandeur}: the territory decides
     * on regulatory ones). The read is audited.
     */
    public Historique lire(Actor actor, String numero) {
        Historique h = transactions.inScope(Scope.lecture(scope(actor)), () -> {
            EvenementRepository.DemandeLue d = evenements.demande(numero).orElseThrow(() -> introuvable(actor, numero));
            Acces.exiger(policy.decider(actor, ActionGestionPartagee.CONSULTER, d.territoire()));
            List<Evenement> liste = evenements.lister(d.territoire(), d.numeroUnique());
            if (actor instanceof Actor.Particulier) {
                boolean ouverts = territoires.trouver(d.territoire()).map(Territoire::evenementsVisiblesDemandeur).orElse(false);
                liste = liste.stream().filter(e -> policy.visibleDuDemandeur(e, catalogue.type(e.code()), ouverts)).toList();
            }
            return new Historique(d.territoire(), d.numeroUnique(), d.etat(), d.dateDepot(), liste);
        });
        audit.lecture(actor, TypeAction.LECTURE, h.territoire(), "EVENEMENTS", numero, Map.of("evenements", h.evenements().size()));
        return h;
    }

    /** One event of the application, as {@link #lire(Actor, String)} would list it; read audited. */
    public Evenement lire(Actor actor, String numero, long id) {
        Evenement e = lire(actor, numero).evenements().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> evenementIntrouvable(numero, id));
        return e;
    }

    /**
     * Records an event entered by the actor's desk (or by the territorial manager). Anomalies of
     * the entry → {@link SaisieInvalide}; nothing is written then.
     */
    public Evenement ajouter(Actor actor, String numero, SaisieEvenement saisie) {
        return transactions.inScope(scope(actor), () -> {
            EvenementRepository.DemandeLue d = evenements.demande(numero).orElseThrow(() -> introuvable(actor, numero));
            Acces.exiger(policy.decider(actor, ActionGestionPartagee.AJOUTER_EVENEMENT, d.territoire()));
            Createur createur = policy.createur(actor)
                    .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Seul un guichet ou le gestionnaire territorial saisit un événement."));
            ValidationEvenement.Valide v = validation.valider(saisie, d.dateDepot(), aujourdhui());
            long id = journal.inserer(d.territoire(), d.numeroUnique(), v.type().code(), "GUICHET", v.dateSurvenance(),
                    v.commentaire(), createur.guichet(), Journal.auteur(actor), createur.gestionnaire());
            journal.mouvement(d.territoire(), d.numeroUnique(), "EVT", List.of("EVT"));
            Map<String, Object> apres = new LinkedHashMap<>();
            apres.put("numeroUnique", d.numeroUnique());
            apres.put("type", v.type().code());
            apres.put("dateSurvenance", v.dateSurvenance().toString());
            apres.put("commentaire", v.commentaire() != null);
            audit.changement(actor, TypeAction.CREATION, d.territoire(), "EVENEMENT", String.valueOf(id), null, apres);
            return evenements.trouver(d.territoire(), d.numeroUnique(), id).orElseThrow();
        });
    }

    /**
     * Deletes an event its creator entered: it stays in the history, flagged, for professionals and
     * disappears for the applicant. Deleting it again changes nothing. Another desk's event or a
     * system event → 403.
     */
    public void supprimer(Actor actor, String numero, long id) {
        transactions.inScope(scope(actor), () -> {
            EvenementRepository.DemandeLue d = evenements.demande(numero).orElseThrow(() -> introuvable(actor, numero));
            Evenement e = evenements.trouver(d.territoire(), d.numeroUnique(), id).orElseThrow(() -> evenementIntrouvable(numero, id));
            switch (policy.supprimer(actor, e)) {
                case AUTORISEE -> { }
                case INTROUVABLE -> throw evenementIntrouvable(numero, id);
                case REFUSEE -> throw new Refus(HttpStatus.FORBIDDEN, e.systeme()
                        ? "Un événement enregistré par le système ne peut pas être supprimé."
                        : "Seul le guichet qui a saisi cet événement peut le supprimer (" + e.createurLibelle() + ").");
            }
            if (evenements.supprimer(d.territoire(), id, Journal.auteur(actor))) {
                journal.mouvement(d.territoire(), d.numeroUnique(), "EVT", List.of("EVT"));
                audit.changement(actor, TypeAction.SUPPRESSION, d.territoire(), "EVENEMENT", String.valueOf(id),
                        Map.of("numeroUnique", d.numeroUnique(), "type", e.code()), null);
            }
            return null;
        });
    }

    /** An actor's database scope: an API client's desk's territory, an applicant's account, a habilitation's scope. */
    static Scope scope(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> Scope.territoire(c.territoire());
            case Actor.Particulier p -> Scope.compte(p.compteId());
            default -> Acces.scope(actor);
        };
    }

    private LocalDate aujourdhui() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    private static Refus introuvable(Actor actor, String numero) {
        return new Refus(HttpStatus.NOT_FOUND, actor instanceof Actor.Particulier
                ? "Aucune demande " + numero + " dans votre espace." : "Aucune demande " + numero + " dans votre territoire.");
    }

    private static Refus evenementIntrouvable(String numero, long id) {
        return new Refus(HttpStatus.NOT_FOUND, "Aucun événement " + id + " sur la demande " + numero + ".");
    }
}

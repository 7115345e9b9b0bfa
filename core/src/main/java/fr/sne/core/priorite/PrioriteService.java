package fr.sne.core.priorite;

import fr.sne.core.evenement.ActionGestionPartagee;
import fr.sne.core.evenement.Createur;
import fr.sne.core.evenement.GestionPartageePolicy;
import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.Journal;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shared priority data of an application: read (audited) and changed with optimistic
 * locking. A change is one transaction of the application's territory: the data, the movement
 * {@code MOD} naming the parts that changed ({@code DALO}, {@code PRIO}, {@code CONT}), the
 * system event of the update and the audit row with before and after.
 */
@Singleton
public class PrioriteService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TenantTransactions transactions;
    private final PrioriteRepository repository;
    private final GestionPartageePolicy policy;
    private final ValidationPriorite validation;
    private final Journal journal;
    private final AuditTrail audit;
    private final Clock clock;

    PrioriteService(TenantTransactions transactions, PrioriteRepository repository, GestionPartageePolicy policy,
                    ValidationPriorite validation, Journal journal, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.policy = policy;
        this.validation = validation;
        this.journal = journal;
        this.audit = audit;
        this.clock = clock;
    }

    /** The application's priority data (version 0: nothing recorded yet); the read is audited. */
    public Priorite lire(Actor actor, String numero) {
        Priorite p = transactions.inScope(Scope.lecture(scope(actor)), () -> {
            PrioriteRepository.DemandeLue d = repository.demande(numero).orElseThrow(() -> introuvable(numero));
            Acces.exiger(policy.decider(actor, ActionGestionPartagee.CONSULTER_PRIORITE, d.territoire()));
            return repository.trouver(d.territoire(), d.numeroUnique()).orElse(Priorite.vide(d.territoire(), d.numeroUnique()));
        });
        audit.lecture(actor, TypeAction.LECTURE, p.territoire(), "PRIORITE", numero, null);
        return p;
    }

    /**
     * Replaces the priority data if they are still at {@code versionAttendue} (0: none recorded yet).
     * Anomalies → {@link fr.sne.core.evenement.SaisieInvalide}; a stale version → {@link PrioritePerimee};
     * nothing is written then. Unchanged data write nothing.
     */
    public Priorite modifier(Actor actor, String numero, int versionAttendue, SaisiePriorite saisie) {
        return transactions.inScope(scope(actor), () -> {
            PrioriteRepository.DemandeLue d = repository.demande(numero).orElseThrow(() -> introuvable(numero));
            Acces.exiger(policy.decider(actor, ActionGestionPartagee.MODIFIER_PRIORITE, d.territoire()));
            Createur createur = policy.createur(actor).orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN,
                    "Seul un guichet ou le gestionnaire territorial modifie les données de priorité."));
            if (!"ACTIVE".equals(d.etat())) {
                throw new Refus(HttpStatus.CONFLICT, "La demande " + numero + " est radiée : ses données de priorité ne changent plus.");
            }
            ValidationPriorite.Valide v = validation.valider(saisie, LocalDate.now(clock.withZone(PARIS)));
            Priorite avant = repository.trouver(d.territoire(), d.numeroUnique()).orElse(Priorite.vide(d.territoire(), d.numeroUnique()));
            if (avant.version() != versionAttendue) {
                throw new PrioritePerimee(avant);
            }
            List<String> parties = parties(avant, v);
            if (parties.isEmpty()) {
                return avant;
            }
            String auteur = Journal.auteur(actor);
            boolean ecrite = avant.enregistree()
                    ? repository.mettreAJour(d.territoire(), d.numeroUnique(), versionAttendue, v, createur.guichet(), auteur)
                    : repository.inserer(d.territoire(), d.numeroUnique(), v, createur.guichet(), auteur);
            if (!ecrite) {
                // a concurrent writer committed between our read and our write
                throw new PrioritePerimee(repository.trouver(d.territoire(), d.numeroUnique()).orElseThrow());
            }
            journal.mouvement(d.territoire(), d.numeroUnique(), "MOD", parties);
            journal.evenementSysteme(actor, d.territoire(), d.numeroUnique(), CatalogueEvenements.MISE_A_JOUR,
                    "Données de priorité mises à jour : " + String.join(", ", parties.stream().map(PrioriteService::partie).toList()) + ".");
            audit.changement(actor, avant.enregistree() ? TypeAction.MODIFICATION : TypeAction.CREATION, d.territoire(), "PRIORITE",
                    d.numeroUnique(), avant.enregistree() ? valeurs(avant) : null, valeurs(v));
            return repository.trouver(d.territoire(), d.numeroUnique()).orElseThrow();
        });
    }

    /** The parts of the GDM movement: DALO (status and dates), PRIO (categories and labels), CONT (contingents). */
    static List<String> parties(Priorite avant, ValidationPriorite.Valide v) {
        List<String> parties = new ArrayList<>();
        if (!Objects.equals(avant.statutDalo(), v.statutDalo()) || !Objects.equals(avant.dateDecisionDalo(), v.dateDecisionDalo())
                || !Objects.equals(avant.dateFinDalo(), v.dateFinDalo()) || !avant.enregistree()) {
            parties.add("DALO");
        }
        if (!avant.categories().equals(v.categories()) || !avant.labels().equals(v.labels())) {
            parties.add("PRIO");
        }
        if (!avant.contingents().equals(v.contingents())) {
            parties.add("CONT");
        }
        return parties;
    }

    private static String partie(String code) {
        return switch (code) {
            case "DALO" -> "statut DALO";
            case "PRIO" -> "catégories et labels de priorité";
            case "CONT" -> "contingents";
            default -> code;
        };
    }

    private static Map<String, Object> valeurs(Priorite p) {
        return valeurs(new ValidationPriorite.Valide(p.statutDalo(), p.dateDecisionDalo(), p.dateFinDalo(), p.categories(),
                p.labels(), p.contingents()));
    }

    private static Map<String, Object> valeurs(ValidationPriorite.Valide v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statutDalo", v.statutDalo());
        m.put("dateDecisionDalo", v.dateDecisionDalo() == null ? null : v.dateDecisionDalo().toString());
        m.put("dateFinDalo", v.dateFinDalo() == null ? null : v.dateFinDalo().toString());
        m.put("categories", v.categories());
        m.put("labels", v.labels());
        m.put("contingents", v.contingents());
        return m;
    }

    private static Scope scope(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> Scope.territoire(c.territoire());
            // the applicant never reads priority data: their account's scope, then the policy refuses
            case Actor.Particulier p -> Scope.compte(p.compteId());
            default -> Acces.scope(actor);
        };
    }

    private static Refus introuvable(String numero) {
        return new Refus(HttpStatus.NOT_FOUND, "Aucune demande " + numero + " dans votre territoire.");
    }
}

package fr.sne.core.enligne;

import fr.sne.core.attestation.EnvoiAttestations;
import fr.sne.core.attestation.MotifEnvoi;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.doublon.RechercheDoublons;
import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.Journal;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Habilitation;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desks' side: the queue of online applications of their territory, the audited reading of
 * one, its validation after the identity check (the application is registered with the portal's
 * desk code) or its refusal with a reason the applicant reads.
 */
@Singleton
public class ValidationEnLigneService {

    private static final int FILE_MAX = 500;

    /** An application opened by a desk: what it holds and the probable duplicates among registered applications. */
    record Examen(DemandeEnLigne demande, List<Recapitulatif.Section> sections, List<Candidat> doublons, boolean peutTraiter) {
    }

    /** A registered application that may be the same person's; {@code score} null for an exact match of the keys. */
    record Candidat(String numeroUnique, Integer score) {
    }

    private final TenantTransactions transactions;
    private final DemandeEnLigneRepository repository;
    private final DemandeEnLignePolicy policy;
    private final Recapitulatif recapitulatif;
    private final DemandeService demandes;
    private final AuditTrail audit;
    private final EnvoiAttestations attestations;
    private final RechercheDoublons rechercheDoublons;
    private final Journal journal;

    ValidationEnLigneService(TenantTransactions transactions, DemandeEnLigneRepository repository, DemandeEnLignePolicy policy,
                             Recapitulatif recapitulatif, DemandeService demandes, AuditTrail audit,
                             EnvoiAttestations attestations, RechercheDoublons rechercheDoublons, Journal journal) {
        this.rechercheDoublons = rechercheDoublons;
        this.journal = journal;
        this.transactions = transactions;
        this.repository = repository;
        this.policy = policy;
        this.recapitulatif = recapitulatif;
        this.demandes = demandes;
        this.audit = audit;
        this.attestations = attestations;
    }

    /** Applications waiting for validation in the actor's territory (every territory for national support), oldest first. */
    public List<DemandeEnLigne> enAttente(Actor actor) {
        Scope scope = Acces.scope(actor);
        Acces.exiger(policy.decider(actor, ActionEnLigne.LISTER, scope.territoire()));
        List<DemandeEnLigne> liste = transactions.inScope(Scope.lecture(scope), () -> repository.enAttente(scope.territoire(), FILE_MAX));
        if (!liste.isEmpty()) {
            // the queue shows names and birth dates: a read of nominative data
            audit.lecture(actor, TypeAction.LECTURE, scope.territoire(), "DEMANDE_EN_LIGNE", null,
                    Map.of("demandes", liste.stream().map(DemandeEnLigne::id).toList()));
        }
        return liste;
    }

    /** Opens one (an audited reading of nominative data); another territory's is not found. */
    public Examen examiner(Actor actor, long id) {
        Scope scope = Acces.scope(actor);
        DemandeEnLigne d = transactions.inScope(Scope.lecture(scope), () -> repository.trouver(scope.territoire(), id, false))
                .orElseThrow(ValidationEnLigneService::introuvable);
        Acces.exiger(policy.decider(actor, ActionEnLigne.EXAMINER, d.territoire()));
        audit.lecture(actor, TypeAction.LECTURE, d.territoire(), "DEMANDE_EN_LIGNE", String.valueOf(id), null);
        boolean peutTraiter = d.statut() == Statut.SOUMISE && policy.decider(actor, ActionEnLigne.VALIDER, d.territoire()).autorisee();
        List<Candidat> doublons = d.statut() == Statut.SOUMISE ? doublons(d) : List.of();
        List<Recapitulatif.Section> sections = transactions.inScope(Scope.lecture(scope), () -> recapitulatif.sections(d.contenu()));
        return new Examen(d, sections, doublons, peutTraiter);
    }

    /** Probable duplicates among the territory's active applications: near matches too, scored. */
    private List<Candidat> doublons(DemandeEnLigne d) {
        DemandeJson.Demandeur p = d.contenu().demandeur();
        return rechercheDoublons.candidats(d.territoire(), p.nomNaissance(), p.prenoms(), p.dateNaissance()).stream()
                .map(c -> new Candidat(c.numeroUnique(), c.score())).toList();
    }

    /**
     * Validates after the identity check: registers the application — number and filing date
     * issued by the register — marks the online application validated with its number, links it
     * to the applicant's account, audits, and plans the attestation's sending, in the same
     * transaction. {@code version} is the one the agent checked: if the applicant corrected it
     * meanwhile, nothing happens and the agent must look again. A probable duplicate
     * ({@code DoublonsProbables}) or an anomaly ({@code DemandeInvalide}) stops everything unless
     * {@code confirmationNonDoublon} gives the reason to go on.
     */
    public DemandeEnLigne valider(Actor actor, long id, int version, Verification verification, String confirmationNonDoublon) {
        Scope scope = Acces.scope(actor);
        Formulaire form = new Formulaire();
        if (verification.piece() == null || !Verification.PIECES.containsKey(verification.piece())) {
            form.erreur("piece", "Indiquez si la pièce d’identité a été présentée au guichet ou déposée.");
        }
        if (!verification.nomNaissance()) {
            form.erreur("nomNaissance", "Vérifiez le nom de naissance sur la pièce d’identité avant de valider.");
        }
        if (!verification.prenoms()) {
            form.erreur("prenoms", "Vérifiez les prénoms sur la pièce d’identité avant de valider.");
        }
        if (!verification.dateNaissance()) {
            form.erreur("dateNaissance", "Vérifiez la date de naissance sur la pièce d’identité avant de valider.");
        }
        if (confirmationNonDoublon != null && confirmationNonDoublon.length() > 1000) {
            form.erreur("confirmationNonDoublon", "Le motif ne doit pas dépasser 1 000 caractères.");
        }
        String territoire = territoireDeTraitement(actor, scope);
        return transactions.inScope(Scope.territoire(territoire), () -> {
            DemandeEnLigne d = aTraiter(actor, territoire, id, version, ActionEnLigne.VALIDER);
            if ((confirmationNonDoublon == null || confirmationNonDoublon.isBlank()) && !doublons(d).isEmpty()) {
                form.erreur("confirmationNonDoublon", "Une demande active du territoire ressemble à celle-ci : vérifiez-la, "
                        + "puis indiquez pourquoi ce n’est pas un doublon.");
            }
            form.verifier();
            // The filing date is the day the applicant submitted, not the day a desk got to it: the
            // applicant's seniority (ancienneté) must not depend on how long the queue was.
            DemandeService.Resultat r = demandes.enregistrerDepotEnLigne(actor, territoire, d.dateDepot(),
                    new DemandeJson.Creation(d.contenu(), confirmationNonDoublon, null));
            String numero = r.demande().numeroUnique();
            if (!repository.valider(territoire, id, version, numero, verification, auteur(actor))) {
                throw introuvable();
            }
            repository.lierAuCompte(territoire, numero, d.compteDemandeur());
            journal.evenementSysteme(actor, territoire, numero, CatalogueEvenements.VALIDATION,
                    "Identité vérifiée : pièce " + Verification.PIECES.get(verification.piece()).toLowerCase(java.util.Locale.FRENCH));
            Map<String, Object> apres = new LinkedHashMap<>();
            apres.put("statut", "VALIDEE");
            apres.put("numeroUnique", numero);
            apres.put("piece", verification.piece());
            if (confirmationNonDoublon != null) {
                apres.put("confirmationNonDoublon", confirmationNonDoublon);
            }
            audit.changement(actor, TypeAction.MODIFICATION, territoire, "DEMANDE_EN_LIGNE", String.valueOf(id),
                    Map.of("statut", "SOUMISE", "version", version), apres);
            // The registration attestation, planned in this transaction (outbox): by e-mail, or in the
            // postal queue of the validating desk when the applicant has no e-mail or is assisted.
            attestations.planifierEnvoi(territoire, numero, guichetDe(actor), r.demande().demandeur(), MotifEnvoi.VALIDATION);
            return repository.trouver(territoire, id, false).orElseThrow();
        });
    }

    /** Refuses with a reason the applicant reads on the portal. */
    public DemandeEnLigne refuser(Actor actor, long id, int version, String motif) {
        Scope scope = Acces.scope(actor);
        String territoire = territoireDeTraitement(actor, scope);
        return transactions.inScope(Scope.territoire(territoire), () -> {
            aTraiter(actor, territoire, id, version, ActionEnLigne.REFUSER);
            if (motif == null || motif.isBlank()) {
                throw new Formulaire.Invalide(new Formulaire().erreur("motif", "Indiquez le motif du refus : le demandeur le lira."));
            }
            if (motif.length() > 1000) {
                throw new Formulaire.Invalide(new Formulaire().erreur("motif", "Le motif ne doit pas dépasser 1 000 caractères."));
            }
            if (!repository.refuser(territoire, id, version, motif.strip(), auteur(actor))) {
                throw introuvable();
            }
            audit.changement(actor, TypeAction.MODIFICATION, territoire, "DEMANDE_EN_LIGNE", String.valueOf(id),
                    Map.of("statut", "SOUMISE", "version", version), Map.of("statut", "REFUSEE", "motif", motif.strip()));
            return repository.trouver(territoire, id, false).orElseThrow();
        });
    }

    /** Locks the application and checks it is still the one the agent looked at, waiting. */
    private DemandeEnLigne aTraiter(Actor actor, String territoire, long id, int version, ActionEnLigne action) {
        DemandeEnLigne d = repository.trouver(territoire, id, true).orElseThrow(ValidationEnLigneService::introuvable);
        Acces.exiger(policy.decider(actor, action, d.territoire()));
        if (d.statut() != Statut.SOUMISE) {
            throw new Refus(HttpStatus.CONFLICT, "Cette demande en ligne a déjà été " + (d.statut() == Statut.VALIDEE
                    ? "validée (n° " + d.numeroUnique() + ")." : "refusée."));
        }
        if (d.version() != version) {
            throw new Refus(HttpStatus.CONFLICT, "Le demandeur a corrigé sa demande depuis que vous l’avez ouverte : "
                    + "rouvrez-la et vérifiez-la de nouveau avant de la traiter.");
        }
        return d;
    }

    /** Desks act in their own territory; national roles cannot validate (read-only). */
    private String territoireDeTraitement(Actor actor, Scope scope) {
        if (scope.territoire() == null) {
            Acces.exiger(policy.decider(actor, ActionEnLigne.VALIDER, null));
            throw new Refus(HttpStatus.FORBIDDEN, "Accès refusé");
        }
        return scope.territoire();
    }

    /** The validating agent's desk (validating takes a desk profile). */
    private static String guichetDe(Actor actor) {
        return Perimetre.habilitation(actor).map(Habilitation::guichet).orElseThrow();
    }

    private static String auteur(Actor actor) {
        return actor instanceof Actor.Professionnel p ? p.email() : actor.toString();
    }

    private static Refus introuvable() {
        return new Refus(HttpStatus.NOT_FOUND, "Aucune demande en ligne à ce numéro dans votre territoire.");
    }
}

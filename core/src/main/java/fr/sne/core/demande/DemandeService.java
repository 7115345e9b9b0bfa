package fr.sne.core.demande;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.Journal;
import fr.sne.core.numero.Numerotation;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.territoire.Territoires;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Probleme;
import fr.sne.tenants.web.Refus;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Registering and reading applications. A registration is one transaction: the number, the
 * application, its movement (GDM) and the audit row commit together or not at all.
 */
@Singleton
public class DemandeService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The public portal's national desk: its code ends the numbers of applications filed online. */
    public static final String GUICHET_PORTAIL = "GDPUB";

    /** A creation's outcome; {@code rejouee} when an Idempotency-Key replayed an earlier creation. */
    public record Resultat(DemandeJson.Demande demande, boolean rejouee) {
    }

    /** An update's outcome: the application as it now stands, and the parts held back for a decision. */
    public record Modification(DemandeJson.Demande demande, List<ControleModification.Retenue> retenues) {
        public Modification {
            retenues = List.copyOf(retenues);
        }
    }

    private final TenantTransactions transactions;
    private final DemandeRepository demandes;
    private final DemandePolicy policy;
    private final ValidationDemande validation;
    private final Numerotation numerotation;
    private final Territoires territoires;
    private final AuditTrail audit;
    private final Changements changements;
    private final Journal journal;
    private final ApplicationEventPublisher<DemandeEnregistree> enregistrements;
    private final List<ControleModification> controles;
    private final Clock clock;

    DemandeService(TenantTransactions transactions, DemandeRepository demandes, DemandePolicy policy,
                   ValidationDemande validation, Numerotation numerotation, Territoires territoires, AuditTrail audit,
                   Changements changements, Journal journal, ApplicationEventPublisher<DemandeEnregistree> enregistrements,
                   List<ControleModification> controles, Clock clock) {
        this.transactions = transactions;
        this.demandes = demandes;
        this.policy = policy;
        this.validation = validation;
        this.numerotation = numerotation;
        this.territoires = territoires;
        this.audit = audit;
        this.changements = changements;
        this.journal = journal;
        this.enregistrements = enregistrements;
        this.controles = List.copyOf(controles);
        this.clock = clock;
    }

    /**
     * Registers an application for the actor's desk (an API client's, or the desk of a
     * professional's active habilitation); the filing date is the server's today.
     */
    public Resultat creer(Actor actor, DemandeJson.Creation creation, String cleIdempotence) {
        String territoire = territoireDe(actor);
        String guichet = switch (actor) {
            case Actor.ClientApi c -> c.guichet();
            case Actor.Professionnel p -> p.habilitationActive().map(h -> h.guichet()).orElse(null);
            default -> null;
        };
        if (guichet == null) {
            throw new Refus(HttpStatus.FORBIDDEN, "Seul un guichet enregistreur peut enregistrer une demande.");
        }
        Acces.exiger(policy.decider(actor, ActionDemande.CREER, territoire));
        // idempotency keys are per API client, or per desk for the desk's own pages
        String client = actor instanceof Actor.ClientApi c ? c.clientId() : "guichet:" + guichet;
        return enregistrer(actor, territoire, guichet, aujourdhui(), creation, client, cleIdempotence);
    }

    /**
     * The registration itself, in two transactions: first the idempotency look-up, the checks,
     * the duplicates and the number (its last statement, so the territory-and-month counter row
     * is locked for one round trip, not for the whole registration: registrations of a territory
     * no longer queue on it); then the application, first version, movement, attestation outbox,
     * idempotency key and audit. A failure of the second leaves the number unused (a gap in the
     * month's sequence): numbers stay unique and are never reused, which is what the register
     * asks; they need not be consecutive. Inside a caller's transaction (a separation) both join it.
     */
    Resultat enregistrer(Actor actor, String territoire, String guichet, LocalDate dateDepot, DemandeJson.Creation creation,
                         String client, String cleIdempotence) {
        return enregistrer(actor, territoire, guichet, dateDepot, creation, client, cleIdempotence, null);
    }

    private Resultat enregistrer(Actor actor, String territoire, String guichet, LocalDate dateDepot, DemandeJson.Creation creation,
                                 String client, String cleIdempotence, DemandeJson.Demande origine) {
        Preparation preparation = transactions.inScope(Scope.territoire(territoire), () -> {
            Optional<Resultat> deja = rejouee(territoire, client, cleIdempotence);
            if (deja.isPresent()) {
                return new Preparation(deja.get(), null);
            }
            List<String> departements = territoires.trouver(territoire).orElseThrow().departements();
            var anomalies = validation.anomalies(creation, departements, dateDepot, aujourdhui());
            if (!anomalies.isEmpty()) {
                throw new DemandeInvalide(anomalies);
            }
            DemandeJson.Demandeur demandeur = creation.contenu().demandeur();
            if (creation.confirmationNonDoublon() == null || creation.confirmationNonDoublon().isBlank()) {
                List<String> doublons = demandes.doublons(territoire, Cles.cle(demandeur.nomNaissance()),
                        Cles.cle(demandeur.prenoms()), demandeur.dateNaissance());
                if (!doublons.isEmpty()) {
                    // the duplicate may be a concurrent retry's application, committed since the look-up above
                    Optional<Resultat> retry = rejouee(territoire, client, cleIdempotence);
                    if (retry.isPresent()) {
                        return new Preparation(retry.get(), null);
                    }
                    throw new DoublonsProbables(doublons);
                }
            }
            // last statement of this transaction: the counter row is released by the commit that follows
            return new Preparation(null, numerotation.attribuer(territoire, guichet, dateDepot).toString());
        });
        if (preparation.rejouee() != null) {
            return preparation.rejouee();
        }
        String numero = preparation.numero();
        return transactions.inScope(Scope.territoire(territoire), () -> {
            if (cleIdempotence != null) {
                // a concurrent request with the same key won: its application is the answer (this number stays unused)
                Optional<String> premier = demandes.reclamer(territoire, client, cleIdempotence, clock.instant());
                if (premier.isPresent()) {
                    return new Resultat(demandes.trouver(premier.get()).orElseThrow(), true);
                }
            }
            DemandeJson.Demandeur demandeur = creation.contenu().demandeur();
            // a separation's application keeps the original's validity as well as its seniority
            DemandeJson.Demande demande = new DemandeJson.Demande(numero, territoire, "ACTIVE", dateDepot,
                    origine == null ? null : origine.dateDernierRenouvellement(),
                    origine == null ? dateDepot.plusYears(1) : origine.dateProchainRenouvellement(), guichet, 1, creation.contenu());
            demandes.inserer(demande, auteur(actor));
            if (origine == null) {
                journal.mouvement(territoire, numero, "CRE", List.of("CERFA"));
                journal.evenementSysteme(actor, territoire, numero, CatalogueEvenements.CREATION, null);
            } else {
                demandes.lierOrigine(territoire, numero, origine.numeroUnique());
                journal.mouvement(territoire, numero, "CRS", List.of("CERFA"));
                journal.evenementSysteme(actor, territoire, numero, CatalogueEvenements.CREATION_SEPARATION,
                        "Issue de la demande n° " + origine.numeroUnique());
                journal.evenementSysteme(actor, territoire, origine.numeroUnique(), CatalogueEvenements.SEPARATION,
                        "Demande n° " + numero + " créée pour l’ancien cotitulaire");
            }
            // the attestation's sending is planned in this same transaction (outbox); an application
            // filed online has its own, planned by its validation (the validating desk's postal queue)
            if (!GUICHET_PORTAIL.equals(guichet)) {
                enregistrements.publishEvent(new DemandeEnregistree(territoire, numero, guichet, demandeur));
            }
            if (cleIdempotence != null) {
                demandes.associer(territoire, client, cleIdempotence, numero);
            }
            Map<String, Object> apres = new LinkedHashMap<>();
            apres.put("etat", "ACTIVE");
            if (creation.confirmationNonDoublon() != null) {
                apres.put("confirmationNonDoublon", creation.confirmationNonDoublon());
            }
            if (origine != null) {
                apres.put("demandeOrigine", origine.numeroUnique());
            }
            audit.changement(actor, TypeAction.CREATION, territoire, "DEMANDE", numero, null, apres);
            return new Resultat(demande, false);
        });
    }

    /** The application an earlier request with this idempotency key created, if any (committed). */
    private Optional<Resultat> rejouee(String territoire, String client, String cleIdempotence) {
        if (cleIdempotence == null) {
            return Optional.empty();
        }
        return demandes.numeroDeCle(territoire, client, cleIdempotence, clock.instant())
                .map(numero -> new Resultat(demandes.trouver(numero).orElseThrow(), true));
    }

    /** The first transaction's outcome: the earlier answer to a replayed request, or the number taken. */
    private record Preparation(Resultat rejouee, String numero) {
    }

    /**
     * "Duplication pour création d'une demande suite à séparation": registers, for the former
     * co-holder, the application {@code nouvelle} builds from the original (still at
     * {@code versionAttendue}, active, with a co-holder), with the original's filing date — the
     * seniority — and a new number for the actor's desk; movement CRS, linked to the original.
     * One transaction; the original itself is then updated by the desk (a separate change).
     */
    public Resultat separer(Actor actor, String numeroOrigine, int versionAttendue,
                            Function<DemandeJson.Demande, DemandeJson.Creation> nouvelle) {
        String territoire = territoireDe(actor);
        String guichet = Journal.guichet(actor);
        Acces.exiger(policy.decider(actor, ActionDemande.CREER, territoire));
        return transactions.inScope(Scope.territoire(territoire), () -> {
            DemandeJson.Demande origine = demandes.trouver(numeroOrigine).orElseThrow(() -> introuvable(actor, numeroOrigine));
            if (!"ACTIVE".equals(origine.etat())) {
                throw new Refus(HttpStatus.CONFLICT, "La demande " + numeroOrigine + " est radiée : elle ne peut pas être dupliquée.");
            }
            if (origine.contenu().cotitulairesOuVide().isEmpty()) {
                throw new Refus(HttpStatus.CONFLICT, "La demande " + numeroOrigine + " n’a pas de cotitulaire.");
            }
            if (origine.version() != versionAttendue) {
                throw perimee(origine, versionAttendue);
            }
            return enregistrer(actor, territoire, guichet, origine.dateDepot(), nouvelle.apply(origine), null, null, origine);
        });
    }

    /** The applications created from this one after a separation, and the one it comes from, if any. */
    public Liens liens(Actor actor, DemandeJson.Demande demande) {
        return transactions.inScope(Scope.lecture(scopeDe(actor)), () -> new Liens(
                demandes.origine(demande.territoire(), demande.numeroUnique()).orElse(null),
                demandes.issues(demande.territoire(), demande.numeroUnique())));
    }

    /** Links between applications after a separation. */
    public record Liens(String origine, List<String> issues) {
    }

    /**
     * The anomalies the content would have if it were registered (or updated) now by the actor's
     * desk: field-level checks for the forms, nothing written.
     */
    public List<fr.sne.tenants.web.Probleme.Anomalie> anomalies(Actor actor, DemandeJson.Creation creation, LocalDate dateDepot) {
        String territoire = territoireDe(actor);
        return transactions.inScope(Scope.territoireReadOnly(territoire), () -> validation.anomalies(creation,
                territoires.trouver(territoire).orElseThrow().departements(), dateDepot == null ? aujourdhui() : dateDepot,
                aujourdhui()));
    }

    /**
     * Registers an application filed on the public portal, once a desk agent of its territory
     * has checked the applicant's identity: the number ends with the portal's desk code
     * ({@link #GUICHET_PORTAIL}) and the filing date is the submission's, not the validation's.
     * Runs in the caller's transaction when there is one (the validation of the online application),
     * which also plans the attestation: no {@link DemandeEnregistree} is published for it.
     */
    public Resultat enregistrerDepotEnLigne(Actor agent, String territoire, LocalDate dateSoumission,
                                            DemandeJson.Creation creation) {
        Acces.exiger(policy.decider(agent, ActionDemande.CREER, territoire));
        if (dateSoumission.isAfter(aujourdhui())) {
            throw new Refus(HttpStatus.CONFLICT, "La date de dépôt ne peut pas être dans le futur.");
        }
        return enregistrer(agent, territoire, GUICHET_PORTAIL, dateSoumission, creation, null, null);
    }

    /**
     * The field anomalies a registration would find today in this content, for a territory
     * covering {@code departements} (the portal checks its drafts with it, step by step).
     */
    public List<Probleme.Anomalie> anomalies(DemandeJson.Contenu contenu, List<String> departements) {
        LocalDate aujourdhui = aujourdhui();
        return transactions.withoutScope(() -> validation.anomalies(DemandeJson.Creation.de(contenu), departements,
                aujourdhui, aujourdhui));
    }

    /**
     * Replaces the CERFA content of an application if it is still at {@code versionAttendue};
     * the number, filing date, state and desk never change here. A stale version throws
     * {@link VersionPerimee} naming who changed which fields meanwhile; nothing is written.
     * An applicant updates only their own application (in their account's scope) and within
     * {@link ModificationParLeDemandeur}: forbidden changes come back as anomalies.
     */
    public DemandeJson.Demande modifier(Actor actor, String numero, int versionAttendue, DemandeJson.Creation modification) {
        return modification(actor, numero, versionAttendue, modification).demande();
    }

    /**
     * {@link #modifier}, also telling what the {@link ControleModification} checks held back
     * (e.g. a major change of name waiting for validation): the rest of the update is written.
     */
    public Modification modification(Actor actor, String numero, int versionAttendue, DemandeJson.Creation modification) {
        DemandeJson.Contenu contenu = modification.contenu();
        // an applicant writes in their account's scope: row-level security opens their own application only (V12)
        Scope scope = actor instanceof Actor.Particulier p ? Scope.compte(p.compteId()) : Scope.territoire(territoireDe(actor));
        return transactions.inScope(scope, () -> {
            DemandeJson.Demande avant = demandes.trouver(numero).orElseThrow(() -> introuvable(actor, numero));
            Acces.exiger(policy.decider(actor, ActionDemande.MODIFIER, avant.territoire(), compte(actor, avant)));
            if (!"ACTIVE".equals(avant.etat())) {
                throw new Refus(HttpStatus.CONFLICT, "La demande " + numero + " est radiée : elle ne peut plus être modifiée.");
            }
            if (avant.version() != versionAttendue) {
                throw perimee(avant, versionAttendue);
            }
            List<String> departements = territoires.trouver(avant.territoire()).orElseThrow().departements();
            List<Probleme.Anomalie> anomalies = new ArrayList<>();
            if (actor instanceof Actor.Particulier) {
                // civil status, NIR and co-holders go through a desk
                anomalies.addAll(ModificationParLeDemandeur.interdites(avant.contenu(), contenu));
            }
            anomalies.addAll(validation.anomalies(modification, departements, avant.dateDepot(), aujourdhui()));
            if (!anomalies.isEmpty()) {
                throw new DemandeInvalide(anomalies);
            }
            // features may hold parts back, recorded in this transaction (anti-fraud: major name changes)
            DemandeJson.Contenu aEcrire = contenu;
            List<ControleModification.Retenue> retenues = new ArrayList<>();
            for (ControleModification controle : controles) {
                ControleModification.Resultat r = controle.controler(actor, avant, aEcrire);
                aEcrire = r.contenu();
                retenues.addAll(r.retenues());
            }
            List<String> champs = changements.champs(avant.contenu(), aEcrire);
            if (champs.isEmpty()) {
                return new Modification(avant, retenues);
            }
            return new Modification(ecrire(actor, avant, aEcrire, champs, null), retenues);
        });
    }

    /**
     * Writes a content decided outside the update forms (a name change validated by a manager) as
     * the application's next version, with its movement, system event and audit row; joins the
     * caller's transaction. The caller has checked its own policy and that {@code avant} is current.
     */
    public DemandeJson.Demande appliquer(Actor actor, DemandeJson.Demande avant, DemandeJson.Contenu contenu, String commentaire) {
        return transactions.inScope(Scope.territoire(avant.territoire()),
                () -> ecrire(actor, avant, contenu, changements.champs(avant.contenu(), contenu), commentaire));
    }

    /** The new version, its movement, its system event and the audit row, in the current transaction. */
    private DemandeJson.Demande ecrire(Actor actor, DemandeJson.Demande avant, DemandeJson.Contenu contenu, List<String> champs,
                                      String commentaire) {
        String numero = avant.numeroUnique();
        int versionAttendue = avant.version();
        if (!demandes.mettreAJour(avant.territoire(), numero, versionAttendue, contenu, auteur(actor))) {
            // a concurrent writer committed between our read and our write
            throw perimee(demandes.trouver(numero).orElseThrow(), versionAttendue);
        }
        journal.mouvement(avant.territoire(), numero, "MOD", List.of("CERFA"));
        journal.evenementSysteme(actor, avant.territoire(), numero, CatalogueEvenements.MISE_A_JOUR, commentaire);
        audit.changement(actor, TypeAction.MODIFICATION, avant.territoire(), "DEMANDE", numero,
                Map.of("version", versionAttendue), Map.of("version", versionAttendue + 1, "champs", champs));
        return demandes.trouver(numero).orElseThrow();
    }

    /** The portal account of the application, read only when it decides (for an applicant). */
    private Long compte(Actor actor, DemandeJson.Demande demande) {
        return actor instanceof Actor.Particulier
                ? demandes.compte(demande.territoire(), demande.numeroUnique()).orElse(null) : null;
    }

    private static Refus introuvable(Actor actor, String numero) {
        return new Refus(HttpStatus.NOT_FOUND, actor instanceof Actor.Particulier
                ? "Aucune demande " + numero + " dans votre espace." : "Aucune demande " + numero + " dans votre territoire.");
    }

    private VersionPerimee perimee(DemandeJson.Demande actuelle, int versionAttendue) {
        List<DemandeRepository.Version> versions = demandes.versionsDepuis(actuelle.territoire(), actuelle.numeroUnique(),
                versionAttendue);
        List<VersionPerimee.Ecriture> ecritures = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            DemandeRepository.Version v = versions.get(i);
            ecritures.add(new VersionPerimee.Ecriture(v.version(), v.auteur(), v.ecriteLe(),
                    changements.champs(versions.get(i - 1).contenu(), v.contenu())));
        }
        DemandeJson.Contenu lu = !versions.isEmpty() && versions.getFirst().version() == versionAttendue ? versions.getFirst().contenu() : null;
        return new VersionPerimee(actuelle.version(), ecritures, lu);
    }

    /** The territory an actor writes in: an API client's desk's, or the active habilitation's. */
    private static String territoireDe(Actor actor) {
        String territoire = switch (actor) {
            case Actor.ClientApi c -> c.territoire();
            case Actor.Professionnel p -> p.habilitationActive().map(h -> h.territoire()).orElse(null);
            default -> null;
        };
        if (territoire == null) {
            throw new Refus(HttpStatus.FORBIDDEN, "Votre profil ne permet pas d’enregistrer ou de modifier une demande.");
        }
        return territoire;
    }

    private static DemandeRepository.Auteur auteur(Actor actor) {
        if (actor instanceof Actor.Anonyme) {
            throw new Refus(HttpStatus.UNAUTHORIZED, "Connexion requise.");
        }
        return new DemandeRepository.Auteur(Journal.auteur(actor), Journal.libelle(actor), Journal.guichet(actor));
    }

    private static Scope scopeDe(Actor actor) {
        return switch (actor) {
            case Actor.ClientApi c -> Scope.territoire(c.territoire());
            case Actor.Particulier p -> Scope.compte(p.compteId());
            default -> Acces.scope(actor);
        };
    }

    private LocalDate aujourdhui() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    /**
     * An application of the actor's territory; other territories' numbers are simply not found.
     * An applicant reads their own applications only (anybody else's: not found).
     */
    public DemandeJson.Demande consulter(Actor actor, String numero) {
        // an API client reads in its desk's territory; an applicant in their account's scope;
        // a person in their habilitation's scope (RLS filters the rest)
        Scope scope = Scope.lecture(scopeDe(actor));
        record Lue(DemandeJson.Demande demande, Long compte) {
        }
        Lue lue = transactions.inScope(scope, () -> demandes.trouver(numero).map(d -> new Lue(d, compte(actor, d))))
                .orElseThrow(() -> introuvable(actor, numero));
        DemandeJson.Demande demande = lue.demande();
        Acces.exiger(policy.decider(actor, ActionDemande.CONSULTER, demande.territoire(), lue.compte()));
        audit.lecture(actor, TypeAction.LECTURE, demande.territoire(), "DEMANDE", numero, null);
        return demande;
    }
}

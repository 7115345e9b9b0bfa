package fr.sne.core.enligne;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.ModificationParLeDemandeur;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Probleme;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The applicant's side of online filing: drafts saved step by step (leave and come back at the
 * step reached), submission, corrections while it waits for a desk. Every transaction runs in
 * the applicant's own scope: PostgreSQL shows them their rows only.
 */
@Singleton
public class DepotEnLigneService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int BROUILLONS_MAX = 5;
    private static final DemandeJson.Contenu VIDE = new DemandeJson.Contenu(null, null, null, null, null, null, null,
            null, null, null, null);

    /** A step's form: values, rows, errors next to their field, and the fields the applicant may no longer change. */
    record PageEtape(DemandeEnLigne demande, Etape etape, Map<String, String> valeurs, Map<String, Integer> lignes,
                     Map<String, Integer> nombres, Map<String, String> erreurs, Set<String> verrous) {
    }

    /** A saved step: the page to show again when {@code accepte} is false (errors), else where to go on. */
    record Enregistrement(PageEtape page, boolean accepte, boolean enregistre) {
    }

    /** The summary before sending: every part, and every anomaly by step. */
    record PageRecapitulatif(DemandeEnLigne demande, List<Recapitulatif.Section> sections,
                             Map<Etape, Map<String, String>> anomalies, Map<String, String> erreurs) {
    }

    private final TenantTransactions transactions;
    private final DemandeEnLigneRepository repository;
    private final DemandeEnLignePolicy policy;
    private final FormulaireDemande formulaire;
    private final CibleTerritoriale cibles;
    private final Recapitulatif recapitulatif;
    private final DemandeService demandes;
    private final AuditTrail audit;
    private final Clock clock;

    DepotEnLigneService(TenantTransactions transactions, DemandeEnLigneRepository repository, DemandeEnLignePolicy policy,
                        FormulaireDemande formulaire, CibleTerritoriale cibles, Recapitulatif recapitulatif,
                        DemandeService demandes, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.policy = policy;
        this.formulaire = formulaire;
        this.cibles = cibles;
        this.recapitulatif = recapitulatif;
        this.demandes = demandes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The applicant's drafts, then their submitted applications (newest first); nothing for anybody else. */
    public List<DemandeEnLigne> mesDemandes(Actor actor) {
        if (!(actor instanceof Actor.Particulier p)) {
            return List.of();
        }
        return transactions.inScope(Scope.lecture(Scope.compte(p.compteId())), () -> {
            List<DemandeEnLigne> toutes = new ArrayList<>(repository.brouillons(p.compteId()));
            toutes.addAll(repository.duCompte(p.compteId()));
            return toutes;
        });
    }

    /** The applicant's drafts, last saved first; 403 for anybody but an applicant. */
    public List<DemandeEnLigne> brouillons(Actor actor) {
        Actor.Particulier p = demandeur(actor);
        return transactions.inScope(Scope.lecture(Scope.compte(p.compteId())), () -> repository.brouillons(p.compteId()));
    }

    public DemandeEnLigne commencer(Actor actor) {
        Actor.Particulier p = demandeur(actor);
        return transactions.inScope(Scope.compte(p.compteId()), () -> {
            if (repository.nombreDeBrouillons(p.compteId()) >= BROUILLONS_MAX) {
                throw new Refus(HttpStatus.CONFLICT, "Vous avez déjà " + BROUILLONS_MAX + " demandes en cours de saisie : "
                        + "terminez-les avant d’en commencer une autre.");
            }
            long id = repository.creerBrouillon(p.compteId(), VIDE);
            audit.changement(p, TypeAction.CREATION, null, "DEMANDE_EN_LIGNE", String.valueOf(id), null, Map.of("statut", "BROUILLON"));
            return repository.brouillon(p.compteId(), id, false).orElseThrow();
        });
    }

    /** One of the applicant's own online applications; anybody else's is not found. */
    public DemandeEnLigne consulter(Actor actor, long id) {
        Actor.Particulier p = demandeur(actor);
        return transactions.inScope(Scope.lecture(Scope.compte(p.compteId())), () -> charger(p, id, false));
    }

    /** The form of a step, as saved. */
    public PageEtape page(Actor actor, long id, Etape etape) {
        Actor.Particulier p = demandeur(actor);
        return transactions.inScope(Scope.lecture(Scope.compte(p.compteId())), () -> {
            DemandeEnLigne d = modifiable(charger(p, id, false));
            return page(d, etape, d.contenu(), Map.of(), Map.of());
        });
    }

    /**
     * Saves a step. A draft is always saved (save-and-resume), with what could be read; the step
     * is accepted when it has no error left — the anomalies of this step only. A submitted
     * application is only saved when the whole application stays valid and the update rule is
     * kept (civil status, NIR, co-holders), otherwise nothing is written.
     *
     * @param avancer whether the applicant goes on to the next step (the step reached moves on when accepted)
     */
    public Enregistrement enregistrer(Actor actor, long id, Etape etape, Map<String, String> form, boolean avancer) {
        Actor.Particulier p = demandeur(actor);
        if (etape == Etape.RECAPITULATIF) {
            throw new Refus(HttpStatus.NOT_FOUND, "Page introuvable");
        }
        return transactions.inScope(Scope.compte(p.compteId()), () -> {
            DemandeEnLigne avant = modifiable(charger(p, id, true));
            FormulaireDemande.Lecture lecture = formulaire.lire(etape, avant.contenu(), form);
            DemandeJson.Contenu apres = lecture.contenu();
            CibleTerritoriale.Cible cible = cibles.de(apres);
            List<Probleme.Anomalie> anomalies = anomalies(apres, cible);
            Map<String, String> erreurs = new LinkedHashMap<>(lecture.erreurs());
            if (avant.isBrouillon()) {
                anomalies.stream().filter(a -> Etape.duChamp(a.champ()) == etape).forEach(a -> erreurs.putIfAbsent(a.champ(), a.message()));
                Etape atteinte = avancer && erreurs.isEmpty() && etape.getSuivante().isPresent()
                        ? plusLoin(avant.etape(), etape.getSuivante().get()) : plusLoin(avant.etape(), etape);
                repository.majBrouillon(id, apres, atteinte);
                audit.changement(p, TypeAction.MODIFICATION, null, "DEMANDE_EN_LIGNE", String.valueOf(id), null,
                        Map.of("statut", "BROUILLON", "etape", etape.getCode()));
                DemandeEnLigne enregistre = repository.brouillon(p.compteId(), id, false).orElseThrow();
                return new Enregistrement(page(enregistre, etape, apres, erreurs, lecture.saisies()), erreurs.isEmpty(), true);
            }
            // submitted: the rule first, then every anomaly (the application must stay valid as a whole)
            ModificationParLeDemandeur.interdites(avant.contenu(), apres).forEach(a -> erreurs.put(a.champ(), a.message()));
            anomalies.forEach(a -> erreurs.putIfAbsent(a.champ(), a.message()));
            if (cible.territoire() != null && !cible.territoire().code().equals(avant.territoire())) {
                erreurs.putIfAbsent("logementRecherche.communesSouhaitees[0]", "Votre demande a été envoyée pour le territoire "
                        + avant.territoire() + " : les communes souhaitées doivent y rester. Pour un autre territoire, déposez une autre demande.");
            }
            if (!erreurs.isEmpty()) {
                return new Enregistrement(page(avant, etape, apres, erreurs, lecture.saisies()), false, false);
            }
            if (!repository.corriger(avant.territoire(), id, avant.version(), apres)) {
                throw new Refus(HttpStatus.CONFLICT, "Votre demande vient d’être traitée par un guichet : elle ne peut plus être modifiée en ligne.");
            }
            audit.changement(p, TypeAction.MODIFICATION, avant.territoire(), "DEMANDE_EN_LIGNE", String.valueOf(id),
                    Map.of("version", avant.version()), Map.of("version", avant.version() + 1, "etape", etape.getCode()));
            DemandeEnLigne enregistre = repository.duCompte(p.compteId(), id, false).orElseThrow();
            return new Enregistrement(page(enregistre, etape, apres, Map.of(), Map.of()), true, true);
        });
    }

    public PageRecapitulatif recapitulatif(Actor actor, long id) {
        Actor.Particulier p = demandeur(actor);
        return transactions.inScope(Scope.lecture(Scope.compte(p.compteId())), () -> recapitulatif(charger(p, id, false), Map.of()));
    }

    /**
     * Sends a draft: refused while anomalies remain (all of them shown, by step) or without the
     * declaration; otherwise it becomes an application of its territory waiting for a desk, dated
     * today — the filing date it will keep when validated.
     */
    public PageRecapitulatif soumettre(Actor actor, long id, boolean declaration) {
        Actor.Particulier p = demandeur(actor);
        return transactions.inScope(Scope.compte(p.compteId()), () -> {
            DemandeEnLigne d = charger(p, id, true);
            if (!d.isBrouillon()) {
                throw new Refus(HttpStatus.CONFLICT, "Cette demande a déjà été envoyée.");
            }
            CibleTerritoriale.Cible cible = cibles.de(d.contenu());
            Map<String, String> erreurs = new LinkedHashMap<>();
            anomalies(d.contenu(), cible).forEach(a -> erreurs.putIfAbsent(a.champ(), a.message()));
            if (erreurs.isEmpty()) {
                for (DemandeEnLigne autre : repository.autresDuCompte(cible.territoire().code(), p.compteId(), id)) {
                    erreurs.putIfAbsent("demande", autre.statut() == Statut.SOUMISE
                            ? "Vous avez déjà envoyé une demande pour le territoire " + cible.territoire().nom()
                            + " : elle attend sa validation. Corrigez-la plutôt que d’en envoyer une nouvelle."
                            : "Vous avez déjà une demande enregistrée pour le territoire " + cible.territoire().nom()
                            + " (n° " + autre.numeroUnique() + ") : mettez-la à jour plutôt que d’en déposer une nouvelle.");
                }
            }
            if (!declaration) {
                erreurs.put("declaration", "Cochez la déclaration sur l’honneur pour envoyer votre demande.");
            }
            if (!erreurs.isEmpty()) {
                return recapitulatif(d, erreurs);
            }
            Instant maintenant = clock.instant();
            LocalDate dateDepot = LocalDate.ofInstant(maintenant, PARIS);
            String territoire = cible.territoire().code();
            repository.soumettre(territoire, d, maintenant, dateDepot);
            repository.supprimerBrouillon(id);
            audit.changement(p, TypeAction.CREATION, territoire, "DEMANDE_EN_LIGNE", String.valueOf(id),
                    Map.of("statut", "BROUILLON"), Map.of("statut", "SOUMISE", "dateDepot", dateDepot.toString()));
            return recapitulatif(repository.duCompte(p.compteId(), id, false).orElseThrow(), Map.of());
        });
    }

    // ---------------------------------------------------------------------------------------------------

    private PageRecapitulatif recapitulatif(DemandeEnLigne d, Map<String, String> erreurs) {
        Map<Etape, Map<String, String>> parEtape = new EnumMap<>(Etape.class);
        if (d.isBrouillon()) {
            for (Probleme.Anomalie a : anomalies(d.contenu(), cibles.de(d.contenu()))) {
                parEtape.computeIfAbsent(Etape.duChamp(a.champ()), e -> new LinkedHashMap<>()).putIfAbsent(a.champ(), a.message());
            }
        }
        return new PageRecapitulatif(d, recapitulatif.sections(d.contenu()), parEtape, erreurs);
    }

    private PageEtape page(DemandeEnLigne d, Etape etape, DemandeJson.Contenu contenu, Map<String, String> erreurs,
                           Map<String, String> saisies) {
        FormulaireDemande.Vue vue = formulaire.vue(etape, contenu);
        Map<String, String> valeurs = new HashMap<>(vue.valeurs());
        valeurs.putAll(saisies);
        Set<String> verrous = d.isBrouillon() ? Set.of() : ModificationParLeDemandeur.champsVerrouilles(d.contenu());
        return new PageEtape(d, etape, valeurs, vue.lignes(), vue.nombres(), erreurs, verrous);
    }

    /** The register's anomalies for the territory the application goes to, and the portal's own. */
    private List<Probleme.Anomalie> anomalies(DemandeJson.Contenu contenu, CibleTerritoriale.Cible cible) {
        List<Probleme.Anomalie> anomalies = new ArrayList<>(cible.anomalies());
        anomalies.addAll(demandes.anomalies(contenu, cible.departements()));
        return anomalies;
    }

    private DemandeEnLigne charger(Actor.Particulier p, long id, boolean verrou) {
        Optional<DemandeEnLigne> d = repository.brouillon(p.compteId(), id, verrou).or(() -> repository.duCompte(p.compteId(), id, verrou));
        return d.orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Aucune demande en ligne n° " + id + " dans votre espace."));
    }

    private static DemandeEnLigne modifiable(DemandeEnLigne d) {
        if (!d.isBrouillon() && !d.isCorrigeable()) {
            throw new Refus(HttpStatus.CONFLICT, "Cette demande a été traitée par un guichet : elle ne se modifie plus en ligne.");
        }
        return d;
    }

    private static Etape plusLoin(Etape a, Etape b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private Actor.Particulier demandeur(Actor actor) {
        if (!policy.decider(actor, ActionEnLigne.DEPOSER, null).autorisee() || !(actor instanceof Actor.Particulier p)) {
            throw new Refus(HttpStatus.FORBIDDEN, "Le dépôt en ligne est réservé aux demandeurs, connectés avec leur identité "
                    + "de particulier (FranceConnect).");
        }
        return p;
    }
}

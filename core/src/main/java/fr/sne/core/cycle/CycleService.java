package fr.sne.core.cycle;

import fr.sne.core.attestation.EnvoiAttestations;
import fr.sne.core.attestation.MotifEnvoi;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.Journal;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.guichet.Annuaire;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Probleme;
import fr.sne.tenants.web.Refus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The life of an application: renewal (and reactivation of a RADREN), radiation by desks and at
 * the deadline, de-radiation. Each change is one transaction in the application's territory:
 * the new state, the radiation rows, the GDM movement, the system event, the attestation's
 * sending (renewal) and the audit row commit together or not at all. Who may do what is
 * {@link CyclePolicy}; when, {@link Echeances}.
 */
@Singleton
public class CycleService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final Actor SYSTEME = new Actor.Systeme("radiation-echeance");

    private final TenantTransactions transactions;
    private final CycleRepository repository;
    private final CyclePolicy policy;
    private final DemandeService demandes;
    private final Journal journal;
    private final EnvoiAttestations envois;
    private final Annuaire annuaire;
    private final AuditTrail audit;
    private final Clock clock;

    CycleService(TenantTransactions transactions, CycleRepository repository, CyclePolicy policy, DemandeService demandes,
                 Journal journal, EnvoiAttestations envois, Annuaire annuaire, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.policy = policy;
        this.demandes = demandes;
        this.journal = journal;
        this.envois = envois;
        this.annuaire = annuaire;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a renewal did. */
    public enum Issue { RENOUVELEE, REACTIVEE, DEJA_RENOUVELEE }

    /**
     * Renews the application for a year from today, keeping its number and filing date; a RADREN
     * application is reactivated the same way within {@link Echeances#finReactivation}. An
     * applicant renews only their own, from {@link Echeances#ouvertureDemandeur}. Renewing twice
     * the same day changes nothing. Plans the renewal attestation's sending.
     *
     * @param versionAttendue the version the caller read (If-Match), or null
     */
    public Issue renouveler(Actor actor, String numero, @Nullable Integer versionAttendue) {
        String territoire = territoire(actor, numero);
        if (actor instanceof Actor.Particulier p) {
            // ownership checked in the applicant's own scope (RLS: their rows only); the V13 trigger
            // forbids that scope to change renewal dates, so the renewal is written in the territory's
            demandes.consulter(p, numero);
            Acces.exiger(policy.renouveler(actor, territoire, p.compteId()));
        } else {
            Acces.exiger(policy.renouveler(actor, territoire, null));
        }
        LocalDate aujourdhui = aujourdhui();
        return transactions.inScope(Scope.territoire(territoire), () -> {
            CycleRepository.EtatDemande e = repository.verrouiller(territoire, numero).orElseThrow(() -> introuvable(actor, numero));
            Acces.exiger(policy.renouveler(actor, territoire, e.compte()));
            verifierVersion(e, versionAttendue);
            Radiation reactivee = null;
            if (e.active()) {
                if (aujourdhui.equals(e.dernierRenouvellement())) {
                    return Issue.DEJA_RENOUVELEE;
                }
                if (actor instanceof Actor.Particulier && !Echeances.ouverteAuDemandeur(e.echeance(), aujourdhui)) {
                    throw new Refus(HttpStatus.CONFLICT, "Votre demande est valable jusqu’au " + jour(e.echeance())
                            + " : vous pourrez la renouveler en ligne à partir du "
                            + jour(Echeances.ouvertureDemandeur(e.echeance())) + ".");
                }
            } else {
                reactivee = reactivable(e, aujourdhui);
            }
            repository.renouveler(territoire, numero, aujourdhui, Echeances.prochaine(aujourdhui));
            if (reactivee != null) {
                repository.lever(territoire, reactivee.id(), Radiation.TypeLevee.REACTIVATION, Journal.auteur(actor),
                        Journal.libelle(actor), null);
                repository.annulerStatistique(territoire, reactivee.statistiqueId());
            }
            journal.mouvement(territoire, numero, "REN", List.of("RENOUVELLEMENT"));
            journal.evenementSysteme(actor, territoire, numero, CatalogueEvenements.RENOUVELLEMENT, reactivee == null ? null
                    : "Réactivation de la demande radiée le " + jour(reactivee.date())
                    + " faute de renouvellement : numéro unique et ancienneté conservés.");
            envois.planifierEnvoi(territoire, numero, guichetCourrier(actor, e), e.demandeur(), MotifEnvoi.RENOUVELLEMENT);
            Map<String, Object> avant = new LinkedHashMap<>();
            avant.put("etat", e.etat());
            avant.put("dateDernierRenouvellement", e.dernierRenouvellement());
            avant.put("dateProchainRenouvellement", e.echeance());
            Map<String, Object> apres = new LinkedHashMap<>();
            apres.put("operation", reactivee == null ? "RENOUVELLEMENT" : "REACTIVATION");
            apres.put("etat", "ACTIVE");
            apres.put("dateDernierRenouvellement", aujourdhui);
            apres.put("dateProchainRenouvellement", Echeances.prochaine(aujourdhui));
            audit.changement(actor, TypeAction.MODIFICATION, territoire, "DEMANDE", numero, avant, apres);
            return reactivee == null ? Issue.RENOUVELEE : Issue.REACTIVEE;
        });
    }

    /** The radiation a late renewal lifts (RADREN within its window); a refusal with its reason otherwise. */
    private Radiation reactivable(CycleRepository.EtatDemande e, LocalDate aujourdhui) {
        Radiation r = repository.enVigueur(e.territoire(), e.numero()).orElseThrow(() -> new Refus(HttpStatus.CONFLICT,
                "La demande " + e.numero() + " est radiée : elle ne peut pas être renouvelée."));
        if (r.motif() != MotifRadiation.RADREN) {
            throw new Refus(HttpStatus.CONFLICT, "La demande " + e.numero() + " a été radiée le " + jour(r.date()) + " (motif : "
                    + r.motif().libelle().toLowerCase(java.util.Locale.FRENCH) + ") : elle ne peut pas être renouvelée. "
                    + "Une demande radiée par erreur peut être rétablie (déradiation) par le gestionnaire territorial ou "
                    + "l’assistance nationale.");
        }
        if (!Echeances.reactivable(r.echeance(), aujourdhui)) {
            throw new Refus(HttpStatus.CONFLICT, "La demande " + e.numero() + " a été radiée le " + jour(r.date())
                    + " faute de renouvellement avant le " + jour(r.echeance()) + ". Elle pouvait être réactivée, avec son "
                    + "numéro et son ancienneté, jusqu’au " + jour(Echeances.finReactivation(r.echeance()))
                    + " (18 mois après l’échéance) : ce délai est dépassé. Une nouvelle demande doit être déposée.");
        }
        return r;
    }

    /**
     * Radiates the application for the motif a desk gives (never RADREN: {@link #radierAEcheance}).
     *
     * @throws RadiationInvalide field anomalies (nothing written)
     * @throws EtatPerime        the If-Match version is no longer the application's
     */
    public void radier(Actor actor, String numero, DemandeRadiation demande, @Nullable Integer versionAttendue) {
        String territoire = territoire(actor, numero);
        String typeGuichet = typeGuichet(actor);
        MotifRadiation motif = demande.motif() == null ? null
                : MotifRadiation.de(demande.motif().strip()).filter(m -> m != MotifRadiation.RADREN).orElse(null);
        Acces.exiger(policy.radier(actor, territoire, motif, typeGuichet));
        LocalDate aujourdhui = aujourdhui();
        List<Probleme.Anomalie> anomalies = ValidationRadiation.anomalies(demande, aujourdhui);
        if (!anomalies.isEmpty()) {
            throw new RadiationInvalide(anomalies);
        }
        transactions.inScope(Scope.territoire(territoire), () -> {
            CycleRepository.EtatDemande e = repository.verrouiller(territoire, numero).orElseThrow(() -> introuvable(actor, numero));
            verifierVersion(e, versionAttendue);
            if (!e.active()) {
                throw new Refus(HttpStatus.CONFLICT, repository.enVigueur(territoire, numero)
                        .map(r -> "La demande " + numero + " est déjà radiée depuis le " + jour(r.date()) + " (motif : "
                                + r.motif().libelle().toLowerCase(java.util.Locale.FRENCH) + ").")
                        .orElse("La demande " + numero + " est déjà radiée."));
            }
            CycleRepository.Avertissement avertissement = null;
            if (motif.exigeAvertissement()) {
                avertissement = avertissement(e, motif, aujourdhui);
            }
            coherence(e, demande);
            DemandeRadiation.Attribution a = demande.attribution();
            DemandeRadiation.Attribution attribution = a == null ? null : new DemandeRadiation.Attribution(a.dateSignatureBail(),
                    ValidationRadiation.rpls(a.rpls()), a.logement() == null ? null : new DemandeRadiation.Logement(
                    texte(a.logement().adresse()), texte(a.logement().type()), a.logement().surface(), a.logement().loyer()),
                    texte(a.contingent()), texte(a.reservataire()), a.dateCommission());
            ecrire(actor, e, motif, demande.sousMotif() == null ? null : MotifRadiation.SousMotif.valueOf(demande.sousMotif().strip()),
                    typeGuichet, texte(demande.commentaire()),
                    motif == MotifRadiation.RADABA && demande.dateRenonciation() == null ? aujourdhui : demande.dateRenonciation(),
                    avertissement, attribution, aujourdhui);
            return null;
        });
    }

    /** What only the application itself can say is wrong in a radiation: dates before its filing. */
    private static void coherence(CycleRepository.EtatDemande e, DemandeRadiation d) {
        List<Probleme.Anomalie> anomalies = new java.util.ArrayList<>();
        if (d.dateRenonciation() != null && d.dateRenonciation().isBefore(e.dateDepot())) {
            anomalies.add(new Probleme.Anomalie("INCOHERENT", "dateRenonciation",
                    "Le courrier de renonciation ne peut pas précéder le dépôt de la demande (" + jour(e.dateDepot()) + ")."));
        }
        if (d.attribution() != null && d.attribution().dateSignatureBail() != null
                && d.attribution().dateSignatureBail().isBefore(e.dateDepot())) {
            anomalies.add(new Probleme.Anomalie("INCOHERENT", "attribution.dateSignatureBail",
                    "Le bail ne peut pas avoir été signé avant le dépôt de la demande (" + jour(e.dateDepot()) + ")."));
        }
        if (!anomalies.isEmpty()) {
            throw new RadiationInvalide(anomalies);
        }
    }

    /** The warning a RADCON or RADIRR relies on: recorded, not deleted, at least a month ago. */
    private CycleRepository.Avertissement avertissement(CycleRepository.EtatDemande e, MotifRadiation motif, LocalDate aujourdhui) {
        LocalDate auPlusTard = aujourdhui.minusMonths(1);
        return repository.avertissement(e.territoire(), e.numero(), auPlusTard).orElseThrow(() -> {
            Optional<CycleRepository.Avertissement> recent = repository.avertissement(e.territoire(), e.numero(), aujourdhui);
            String raison = recent.map(av -> "Le dernier avertissement date du " + jour(av.date()) + " : la radiation sera possible à "
                            + "partir du " + jour(av.date().plusMonths(1)) + ".")
                    .orElse("Aucun avertissement n’est enregistré dans l’historique de la demande.");
            return new Refus(HttpStatus.CONFLICT, "Une radiation pour « " + motif.libelle().toLowerCase(java.util.Locale.FRENCH)
                    + " » n’est possible qu’un mois au moins après un avertissement du demandeur, enregistré dans l’historique "
                    + "de la demande (événement « Avertissement préalable à une radiation »). " + raison);
        });
    }

    /**
     * Radiates for non-renewal (RADREN) an application whose deadline is before {@code jour},
     * unless somebody is changing it right now (the next run takes it) or it is no longer due.
     * Its own transaction; true when it radiated.
     */
    boolean radierAEcheance(String territoire, String numero, LocalDate jour) {
        return transactions.inScope(Scope.territoire(territoire), () -> {
            Optional<CycleRepository.EtatDemande> etat = repository.verrouillerSiLibre(territoire, numero);
            if (etat.isEmpty() || !etat.get().active() || !Echeances.depassee(etat.get().echeance(), jour)) {
                return false;
            }
            ecrire(SYSTEME, etat.get(), MotifRadiation.RADREN, null, null, null, null, null, null, jour);
            return true;
        });
    }

    /** The radiation itself, inside the caller's transaction (the row is locked and active). */
    private void ecrire(Actor actor, CycleRepository.EtatDemande e, MotifRadiation motif, MotifRadiation.SousMotif sousMotif,
                        String typeGuichet, String commentaire, LocalDate dateRenonciation,
                        CycleRepository.Avertissement avertissement, DemandeRadiation.Attribution attribution, LocalDate jour) {
        if (!repository.radier(e.territoire(), e.numero())) {
            throw new Refus(HttpStatus.CONFLICT, "La demande " + e.numero() + " est déjà radiée.");
        }
        String typeRadiation = actor instanceof Actor.Systeme ? "SYSTEME"
                : typeGuichet != null ? typeGuichet
                : Perimetre.habilitation(actor).map(h -> h.profil().name()).orElse("AUTRE");
        long statistique = repository.statistique(e.territoire(), new CycleRepository.Statistique(e.dateDepot().withDayOfMonth(1),
                jour.withDayOfMonth(1), motif, sousMotif, e.tailleMenage(), e.types(), e.communePrincipale(), e.prioritaire(),
                e.typeGuichetEnregistreur(), typeRadiation, attribution == null ? null : attribution.contingent()));
        repository.inserer(e.territoire(), new Radiation(0, e.numero(), motif, sousMotif, jour, e.echeance(), Journal.guichet(actor),
                typeGuichet, Journal.auteur(actor), Journal.libelle(actor), commentaire, dateRenonciation,
                avertissement == null ? null : avertissement.id(), avertissement == null ? null : avertissement.date(),
                attribution, statistique, null, null));
        journal.mouvement(e.territoire(), e.numero(), "RAD", List.of("RADIATION"));
        journal.evenementSysteme(actor, e.territoire(), e.numero(), CatalogueEvenements.RADIATION, "Motif : " + motif.libelle()
                + (sousMotif == null ? "" : " — " + sousMotif.libelle()));
        Map<String, Object> apres = new LinkedHashMap<>();
        apres.put("etat", "RADIEE");
        apres.put("motif", motif.name());
        if (sousMotif != null) {
            apres.put("sousMotif", sousMotif.name());
        }
        apres.put("dateRadiation", jour);
        if (avertissement != null) {
            apres.put("avertissement", avertissement.id());
        }
        audit.changement(actor, TypeAction.MODIFICATION, e.territoire(), "DEMANDE", e.numero(), Map.of("etat", "ACTIVE"), apres);
    }

    /**
     * Restores a radiated application (radiated by mistake), with the reason, mandatory; its
     * deadline is kept but left at least a month ahead ({@link Echeances#apresDeradiation}).
     * Impossible once the application has been purged.
     */
    public void deradier(Actor actor, String numero, String raison) {
        String territoire = territoire(actor, numero);
        Acces.exiger(policy.deradier(actor, territoire));
        String motif = texte(raison);
        if (motif == null) {
            throw new RadiationInvalide(List.of(new Probleme.Anomalie("OBLIGATOIRE", "motif",
                    "Indiquez pourquoi la demande est rétablie (ex. radiation saisie par erreur sur la mauvaise demande).")));
        }
        if (motif.length() > 1000) {
            throw new RadiationInvalide(List.of(new Probleme.Anomalie("TROP_LONG", "motif", "La raison compte 1000 caractères au plus.")));
        }
        LocalDate aujourdhui = aujourdhui();
        transactions.inScope(Scope.territoire(territoire), () -> {
            Optional<CycleRepository.EtatDemande> lue = repository.verrouiller(territoire, numero);
            if (lue.isEmpty()) {
                throw repository.purgee(territoire, numero).<Refus>map(p -> new Refus(HttpStatus.CONFLICT, "La demande " + numero
                                + ", radiée le " + jour(p.dateRadiation()) + ", a été purgée le " + jour(LocalDate.ofInstant(p.purgeeLe(), PARIS))
                                + " (les données d’une demande radiée sont conservées un an) : elle ne peut plus être rétablie."))
                        .orElseGet(() -> introuvable(actor, numero));
            }
            CycleRepository.EtatDemande e = lue.get();
            if (e.active()) {
                throw new Refus(HttpStatus.CONFLICT, "La demande " + numero + " n’est pas radiée.");
            }
            LocalDate echeance = Echeances.apresDeradiation(e.echeance(), aujourdhui);
            repository.retablir(territoire, numero, echeance);
            Optional<Radiation> r = repository.enVigueur(territoire, numero);
            r.ifPresent(rad -> {
                repository.lever(territoire, rad.id(), Radiation.TypeLevee.DERADIATION, Journal.auteur(actor), Journal.libelle(actor), motif);
                repository.annulerStatistique(territoire, rad.statistiqueId());
            });
            journal.mouvement(territoire, numero, "DERAD", List.of("RADIATION"));
            journal.evenementSysteme(actor, territoire, numero, CatalogueEvenements.DERADIATION, null);
            Map<String, Object> avant = new LinkedHashMap<>();
            avant.put("etat", "RADIEE");
            r.ifPresent(rad -> avant.put("motifRadiation", rad.motif().name()));
            avant.put("dateProchainRenouvellement", e.echeance());
            Map<String, Object> apres = new LinkedHashMap<>();
            apres.put("etat", "ACTIVE");
            apres.put("operation", "DERADIATION");
            apres.put("raison", motif);
            apres.put("dateProchainRenouvellement", echeance);
            audit.changement(actor, TypeAction.MODIFICATION, territoire, "DEMANDE", numero, avant, apres);
            return null;
        });
    }

    /** 404 or 403 unless the actor may de-radiate an application of {@code territoire}. */
    public void exigerDeradiation(Actor actor, String territoire) {
        Acces.exiger(policy.deradier(actor, territoire));
    }

    /** The motifs the actor may radiate an application of {@code territoire} for (none: may not radiate). */
    public List<MotifRadiation> motifsPermis(Actor actor, String territoire) {
        String type = typeGuichet(actor);
        return java.util.Arrays.stream(MotifRadiation.values())
                .filter(m -> policy.radier(actor, territoire, m, type).autorisee()).toList();
    }

    /** The latest warning (AVERAD) of the application, for a reader already allowed to read it. */
    Optional<LocalDate> dernierAvertissement(Scope scope, String territoire, String numero) {
        return transactions.inScope(Scope.lecture(scope), () -> repository.avertissement(territoire, numero, aujourdhui())
                .map(CycleRepository.Avertissement::date));
    }

    /** The application's radiations, latest first, for a reader already allowed to read the application. */
    List<Radiation> radiations(Scope scope, String territoire, String numero) {
        return transactions.inScope(Scope.lecture(scope), () -> repository.radiations(territoire, numero));
    }

    /**
     * The territory of a number (its first three characters), if the actor may know it: another
     * territory's number is simply not found, and so is anything that is not a number.
     */
    private static String territoire(Actor actor, String numero) {
        if (numero == null || !numero.matches("[0-9]{3}[0-9]{4}[0-9]{6}[0-9A-Z]{5}")) {
            throw introuvable(actor, numero);
        }
        return numero.substring(0, 3);
    }

    private void verifierVersion(CycleRepository.EtatDemande e, Integer versionAttendue) {
        if (versionAttendue != null && versionAttendue != e.version()) {
            throw new EtatPerime(e.version());
        }
    }

    /** The type of the actor's desk (API client's, or active habilitation's), if it has one. */
    private String typeGuichet(Actor actor) {
        String guichet = Journal.guichet(actor);
        return guichet == null ? null : transactions.withoutScope(() -> annuaire.guichet(guichet)).map(Annuaire.Entree::type).orElse(null);
    }

    /** Whose postal queue a renewal attestation letter goes to: the acting desk's, else the registering desk's. */
    private static String guichetCourrier(Actor actor, CycleRepository.EtatDemande e) {
        String guichet = Journal.guichet(actor);
        return guichet != null ? guichet : e.guichet();
    }

    static Refus introuvable(Actor actor, String numero) {
        return new Refus(HttpStatus.NOT_FOUND, actor instanceof Actor.Particulier
                ? "Aucune demande " + numero + " dans votre espace." : "Aucune demande " + numero + " dans votre territoire.");
    }

    LocalDate aujourdhui() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    static String jour(LocalDate d) {
        return d == null ? null : JOUR.format(d);
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

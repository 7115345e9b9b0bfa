package fr.sne.core.recherche;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.documents.pdf.GabaritsPdf;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.geographie.Commune;
import fr.sne.tenants.geographie.Geographie;
import fr.sne.tenants.guichet.Annuaire;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one-page summary sheet ("fiche de synthèse") of an application as a PDF/A: household,
 * resources, current housing, motifs, housing sought and priority, with French labels for every
 * code; never the NIR nor contact details. Rendered from {@code pdf/fiche-synthese.xhtml}
 * (frontend-templates) by Thymeleaf in XML mode (always well-formed, as Flying Saucer needs), then
 * {@link RenduPdf}; the read is audited.
 */
@Singleton
public class FicheSynthese {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale FRANCAIS = Locale.FRANCE;

    private final TenantTransactions transactions;
    private final FicheRepository repository;
    private final RecherchePolicy policy;
    private final AuditTrail audit;
    private final ListesCodes codes;
    private final Geographie geographie;
    private final Territoires territoires;
    private final Annuaire annuaire;
    private final GabaritsPdf gabarits;
    private final Clock clock;

    FicheSynthese(TenantTransactions transactions, FicheRepository repository, RecherchePolicy policy, AuditTrail audit,
                  ListesCodes codes, Geographie geographie, Territoires territoires, Annuaire annuaire,
                  GabaritsPdf gabarits, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.policy = policy;
        this.audit = audit;
        this.codes = codes;
        this.geographie = geographie;
        this.territoires = territoires;
        this.annuaire = annuaire;
        this.gabarits = gabarits;
        this.clock = clock;
    }

    /** The PDF/A bytes of an application's summary; 404 outside the actor's reach, 403 for other profiles. */
    public byte[] pdf(Actor actor, String numero) {
        Scope scope = Scope.lecture(Acces.scope(actor));
        Map<String, Object> vue = transactions.inScope(scope, () -> {
            FicheRepository.Fiche fiche = repository.trouver(numero)
                    .orElseThrow(() -> new Refus(HttpStatus.NOT_FOUND, "Aucune demande " + numero + " dans votre territoire."));
            Acces.exiger(policy.decider(actor, ActionRecherche.FICHE, fiche.demande().territoire()));
            return vue(fiche);
        });
        DemandeJson.Demande d = (DemandeJson.Demande) vue.get("demande");
        audit.lecture(actor, TypeAction.LECTURE, d.territoire(), "DEMANDE", d.numeroUnique(), Map.of("document", "FICHE_SYNTHESE"));
        return gabarits.pdfA("fiche-synthese", vue);
    }

    /** Everything the template shows, already in French. */
    private Map<String, Object> vue(FicheRepository.Fiche fiche) {
        DemandeJson.Demande d = fiche.demande();
        DemandeJson.Contenu c = d.contenu();
        DemandeJson.Demandeur dem = c.demandeur();
        Map<String, Object> v = new HashMap<>();
        v.put("demande", d);
        v.put("numero", d.numeroUnique());
        v.put("etat", "ACTIVE".equals(d.etat()) ? "Active" : "Radiée");
        v.put("dateDepot", date(d.dateDepot()));
        v.put("dernierRenouvellement", d.dateDernierRenouvellement() == null ? "aucun" : date(d.dateDernierRenouvellement()));
        v.put("prochainRenouvellement", date(d.dateProchainRenouvellement()));
        v.put("guichet", annuaire.guichet(d.guichetEnregistreur()).map(Annuaire.Entree::getLibelle).orElse(d.guichetEnregistreur()));
        v.put("territoire", territoires.trouver(d.territoire()).map(Territoire::nom).orElse(d.territoire()) + " (" + d.territoire() + ")");
        v.put("editeeLe", date(LocalDate.now(clock.withZone(PARIS))));
        long ancienneteMois = java.time.temporal.ChronoUnit.MONTHS.between(d.dateDepot(), LocalDate.now(clock.withZone(PARIS)));
        v.put("anciennete", ancienneteMois + " mois");

        List<Map<String, String>> personnes = new ArrayList<>();
        personnes.add(personne("Demandeur", libelle("civilite", dem.civilite()), dem.nomNaissance(), dem.nomUsage(), dem.prenoms(),
                dem.dateNaissance(), libelle("situationFamiliale", dem.situationFamiliale()), situation(dem.situationProfessionnelle())));
        for (DemandeJson.Cotitulaire p : c.cotitulairesOuVide()) {
            personnes.add(personne("Cotitulaire (" + libelle("lienDemandeur", p.lienDemandeur()) + ")", libelle("civilite", p.civilite()),
                    p.nomNaissance(), p.nomUsage(), p.prenoms(), p.dateNaissance(), libelle("situationFamiliale", p.situationFamiliale()),
                    situation(p.situationProfessionnelle())));
        }
        for (DemandeJson.PersonneACharge p : c.personnesAChargeOuVide()) {
            personnes.add(personne("Personne à charge" + (p.lienParente() == null ? "" : " (" + libelle("lienParente", p.lienParente()) + ")"),
                    null, p.nomNaissance(), null, p.prenoms(), p.dateNaissance(), null, null));
        }
        for (DemandeJson.PersonneEnGarde p : c.personnesEnGardeOuVide()) {
            personnes.add(personne("Enfant (" + libelle("coParentalite", p.coParentalite()) + ")", null, null, null, p.prenoms(),
                    p.dateNaissance(), null, null));
        }
        v.put("personnes", personnes);
        v.put("tailleMenage", fiche.tailleMenage());
        v.put("enfantsANaitre", c.enfantsANaitre() == null || c.enfantsANaitre().nombre() == null ? null
                : c.enfantsANaitre().nombre() + (c.enfantsANaitre().dateNaissancePrevue() == null ? ""
                : ", naissance prévue le " + date(c.enfantsANaitre().dateNaissancePrevue())));
        v.put("adresse", commune(dem.adresse() == null ? null : dem.adresse().communeInsee()));

        v.put("ressourcesMensuelles", euros(fiche.ressourcesMensuelles()));
        v.put("revenuFiscal", fiche.revenuFiscal() == null ? "non déclaré" : euros(fiche.revenuFiscal()));
        v.put("revenuFiscalAnnee", fiche.revenuFiscal() != null && dem.revenuFiscal() != null && dem.revenuFiscal().anneeMoins2() != null
                ? "(revenus " + dem.revenuFiscal().anneeMoins2() + ")" : null);
        List<String> ressources = new ArrayList<>();
        ressources(ressources, "Demandeur", dem.ressourcesRecues(), "ressourceRecue", false);
        ressources(ressources, "Demandeur", dem.ressourcesVersees(), "ressourceVersee", true);
        ressources(ressources, "Personnes à charge", dem.ressourcesRecuesPersonnesACharge(), "ressourceRecue", false);
        ressources(ressources, "Personnes à charge", dem.ressourcesVerseesPersonnesACharge(), "ressourceVersee", true);
        for (DemandeJson.Cotitulaire p : c.cotitulairesOuVide()) {
            ressources(ressources, "Cotitulaire", p.ressourcesRecues(), "ressourceRecue", false);
            ressources(ressources, "Cotitulaire", p.ressourcesVersees(), "ressourceVersee", true);
        }
        v.put("ressources", ressources);

        DemandeJson.LogementActuel la = c.logementActuel();
        List<String> actuel = new ArrayList<>();
        if (la != null) {
            if (la.modelesLogement() != null && !la.modelesLogement().isEmpty()) {
                actuel.add(la.modelesLogement().stream().map(m -> libelle("modeleLogement", m)).collect(Collectors.joining(", ")));
            }
            List<String> detail = new ArrayList<>();
            if (la.typeLogement() != null) {
                detail.add(libelle("typeLogement", la.typeLogement()));
            }
            if (la.categorieLogement() != null) {
                detail.add(libelle("categorieLogement", la.categorieLogement()).toLowerCase(FRANCAIS));
            }
            if (la.surface() != null) {
                detail.add(la.surface() + " m²");
            }
            if (la.nombreHabitants() != null) {
                detail.add(la.nombreHabitants() + (la.nombreHabitants() > 1 ? " habitants" : " habitant"));
            }
            if (!detail.isEmpty()) {
                actuel.add(String.join(", ", detail));
            }
            if (la.montantMensuelLoyer() != null) {
                actuel.add("Loyer mensuel : " + euros(la.montantMensuelLoyer()));
            }
            if (la.nomBailleur() != null) {
                actuel.add("Bailleur : " + la.nomBailleur());
            }
        }
        v.put("logementActuel", actuel);

        List<String> motifs = c.motifs() == null ? List.of() : c.motifs().stream().map(m -> libelle("motifDemande", m)).toList();
        v.put("motifs", motifs);
        v.put("motifPrecision", c.motifPrecision());

        DemandeJson.LogementRecherche lr = c.logementRecherche();
        List<String> recherche = new ArrayList<>();
        if (lr != null) {
            if (lr.typesLogement() != null && !lr.typesLogement().isEmpty()) {
                recherche.add("Types : " + lr.typesLogement().stream().map(t -> libelle("typeLogement", t)).collect(Collectors.joining(", ")));
            }
            if (lr.communesSouhaitees() != null && !lr.communesSouhaitees().isEmpty()) {
                recherche.add("Communes : " + lr.communesSouhaitees().stream().map(this::commune).collect(Collectors.joining(", ")));
            }
            List<String> detail = new ArrayList<>();
            if (lr.categorie() != null) {
                detail.add(libelle("categorieLogementRecherche", lr.categorie()));
            }
            if (lr.etageMaximum() != null) {
                detail.add("étage " + lr.etageMaximum() + " au plus");
            }
            if (Boolean.TRUE.equals(lr.ascenseurIndispensable())) {
                detail.add("ascenseur indispensable");
            }
            if (lr.loyerMaximum() != null) {
                detail.add("loyer " + euros(lr.loyerMaximum()) + " au plus");
            }
            if (Boolean.TRUE.equals(lr.stationnement())) {
                detail.add("stationnement souhaité");
            }
            if (!detail.isEmpty()) {
                recherche.add(String.join(", ", detail));
            }
        }
        v.put("logementRecherche", recherche);

        List<String> priorite = new ArrayList<>();
        DemandeJson.Priorite p = c.priorite();
        if (p != null && p.statutDalo() != null) {
            priorite.add("DALO : " + libelle("statutDalo", p.statutDalo())
                    + (p.dateDecisionDalo() == null ? "" : " (décision du " + date(p.dateDecisionDalo()) + ")"));
        }
        if (p != null && p.categories() != null) {
            p.categories().forEach(cat -> priorite.add(libelle("categoriePrioritaire", cat)));
        }
        if (priorite.isEmpty()) {
            priorite.add(fiche.prioritaire() ? "Public prioritaire" : "Aucune situation prioritaire déclarée");
        }
        v.put("priorite", priorite);
        DemandeJson.Handicap h = c.handicap();
        List<String> handicap = new ArrayList<>();
        if (h != null) {
            if (h.nombrePersonnes() != null) {
                handicap.add(h.nombrePersonnes() + (h.nombrePersonnes() > 1 ? " personnes concernées" : " personne concernée")
                        + (h.etat() == null ? "" : ", handicap " + libelle("etatHandicap", h.etat()).toLowerCase(FRANCAIS)));
            }
            if (h.capaciteMarche() != null) {
                handicap.add("Marches : " + libelle("capaciteMarcheHandicap", h.capaciteMarche()).toLowerCase(FRANCAIS));
            }
            if (h.aidesTechniques() != null && !h.aidesTechniques().isEmpty()) {
                handicap.add("Aides : " + h.aidesTechniques().stream().map(a -> libelle("aideTechniqueHandicap", a).toLowerCase(FRANCAIS))
                        .collect(Collectors.joining(", ")));
            }
            if (h.equipements() != null && !h.equipements().isEmpty()) {
                handicap.add("Équipements : " + h.equipements().stream().map(e -> libelle("equipementHandicap", e).toLowerCase(FRANCAIS))
                        .collect(Collectors.joining(", ")));
            }
        }
        v.put("handicap", handicap);
        return v;
    }

    private Map<String, String> personne(String role, String civilite, String nomNaissance, String nomUsage, String prenoms,
                                         LocalDate naissance, String situationFamiliale, String situationPro) {
        Map<String, String> m = new HashMap<>();
        m.put("role", role);
        String nom = (nomNaissance == null ? "" : nomNaissance.toUpperCase(FRANCAIS))
                + (nomUsage == null || nomUsage.isBlank() || nomUsage.equalsIgnoreCase(nomNaissance) ? "" : " (usage " + nomUsage.toUpperCase(FRANCAIS) + ")");
        m.put("identite", String.join(" ", java.util.stream.Stream.of(civilite, nom.isBlank() ? null : nom, prenoms)
                .filter(Objects::nonNull).toList()));
        m.put("naissance", naissance == null ? "—" : date(naissance));
        List<String> details = java.util.stream.Stream.of(situationFamiliale, situationPro).filter(Objects::nonNull).toList();
        m.put("situation", details.isEmpty() ? "—" : String.join(" ; ", details));
        return m;
    }

    private String situation(DemandeJson.SituationProfessionnelle s) {
        if (s == null) {
            return null;
        }
        List<String> parties = new ArrayList<>();
        if (s.profession() != null) {
            parties.add(s.profession());
        }
        if (s.typeContratTravail() != null) {
            parties.add(libelle("typeContratTravail", s.typeContratTravail()));
        }
        return parties.isEmpty() ? null : String.join(", ", parties);
    }

    private void ressources(List<String> lignes, String qui, List<DemandeJson.Ressource> liste, String codesListe, boolean versee) {
        if (liste == null) {
            return;
        }
        for (DemandeJson.Ressource r : liste) {
            if (r != null && r.montant() != null) {
                lignes.add(qui + " — " + libelle(codesListe, r.code()) + " : " + (versee ? "− " : "") + euros(r.montant()));
            }
        }
    }

    private String commune(String code) {
        if (code == null) {
            return null;
        }
        return geographie.commune(code).map(Commune::nom).map(n -> n + " (" + code + ")").orElse(code);
    }

    private String libelle(String liste, String code) {
        return code == null ? null : codes.libelle(liste, code).orElse(code);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.format(DATE);
    }

    private static String euros(int montant) {
        return String.format(FRANCAIS, "%,d €", montant).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}

package fr.sne.core.cycle;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.VoletDemande;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.web.Acces;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle panel of an application's page: its validity and renewal, its radiation (motif,
 * desk, attribution) and what may be done — renew, radiate, de-radiate — for professionals;
 * its deadline, the online renewal (or reactivation) and why it was radiated for the applicant.
 */
@Singleton
class VoletCycle implements VoletDemande {

    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    /** A labelled value. */
    record Ligne(String libelle, String valeur) {
    }

    /** A radiation as a professional reads it. */
    record VueRadiation(String motif, String sousMotif, String date, String par, String commentaire, String dateRenonciation,
                        String dateAvertissement, List<Ligne> attribution, String levee, String leveeLe, String leveePar,
                        String leveeMotif) {
    }

    /** The professionals' panel. */
    record VuePro(String numero, boolean active, String echeance, boolean echue, boolean renouveleeAujourdhui,
                  boolean peutRenouveler, boolean peutRadier, boolean peutDeradier, VueRadiation radiation, boolean radren,
                  boolean reactivable, String finReactivation, String purgeLe, List<VueRadiation> historique) {
    }

    /** The applicant's panel. */
    record VueDemandeur(String numero, boolean active, String echeance, boolean echue, boolean ouverte, String ouverture,
                        boolean renouveleeAujourdhui, String motif, String dateRadiation, boolean radren, boolean reactivable,
                        String finReactivation) {
    }

    private final CycleService cycle;
    private final CyclePolicy policy;
    private final ListesCodes codes;
    private final AuditTrail audit;

    VoletCycle(CycleService cycle, CyclePolicy policy, ListesCodes codes, AuditTrail audit) {
        this.cycle = cycle;
        this.policy = policy;
        this.codes = codes;
        this.audit = audit;
    }

    @Override
    public int ordre() {
        return 20;
    }

    @Override
    public Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur) {
        Scope scope = actor instanceof Actor.Particulier p ? Scope.compte(p.compteId()) : Acces.scope(actor);
        List<Radiation> radiations = cycle.radiations(scope, demande.territoire(), demande.numeroUnique());
        if (!radiations.isEmpty()) {
            audit.lecture(actor, TypeAction.LECTURE, demande.territoire(), "DEMANDE", demande.numeroUnique(),
                    Map.of("volet", "RADIATIONS"));
        }
        Optional<Radiation> enVigueur = "ACTIVE".equals(demande.etat()) ? Optional.empty()
                : radiations.stream().filter(Radiation::enVigueur).findFirst();
        LocalDate aujourdhui = cycle.aujourdhui();
        boolean radren = enVigueur.map(r -> r.motif() == MotifRadiation.RADREN).orElse(false);
        boolean reactivable = radren && Echeances.reactivable(enVigueur.get().echeance(), aujourdhui);
        String fin = radren ? CycleService.jour(Echeances.finReactivation(enVigueur.get().echeance())) : null;
        boolean active = "ACTIVE".equals(demande.etat());
        boolean renouveleeAujourdhui = active && aujourdhui.equals(demande.dateDernierRenouvellement());
        if (lecteur == Lecteur.DEMANDEUR) {
            return Optional.of(new Volet("Renouvellement de ma demande", "cycle", "portail/demande/volets/cycle", Map.of("c", new VueDemandeur(demande.numeroUnique(),
                    active, CycleService.jour(demande.dateProchainRenouvellement()),
                    Echeances.depassee(demande.dateProchainRenouvellement(), aujourdhui),
                    Echeances.ouverteAuDemandeur(demande.dateProchainRenouvellement(), aujourdhui),
                    CycleService.jour(Echeances.ouvertureDemandeur(demande.dateProchainRenouvellement())), renouveleeAujourdhui,
                    enVigueur.map(r -> r.motif().libelle()).orElse(null), enVigueur.map(r -> CycleService.jour(r.date())).orElse(null),
                    radren, reactivable, fin))));
        }
        String territoire = demande.territoire();
        boolean peutRenouveler = policy.renouveler(actor, territoire, null).autorisee() && (active || reactivable);
        boolean peutRadier = active && !cycle.motifsPermis(actor, territoire).isEmpty();
        boolean peutDeradier = !active && policy.deradier(actor, territoire).autorisee();
        return Optional.of(new Volet("Validité, renouvellement et radiation", "cycle", "pro/demande/volets/cycle", Map.of("c", new VuePro(demande.numeroUnique(), active,
                CycleService.jour(demande.dateProchainRenouvellement()),
                active && Echeances.depassee(demande.dateProchainRenouvellement(), aujourdhui), renouveleeAujourdhui,
                peutRenouveler, peutRadier, peutDeradier, enVigueur.map(this::vue).orElse(null), radren, reactivable, fin,
                enVigueur.map(r -> CycleService.jour(Echeances.purge(r.motif(), r.date(), r.echeance()))).orElse(null),
                radiations.stream().filter(r -> !r.enVigueur()).map(this::vue).toList()))));
    }

    private VueRadiation vue(Radiation r) {
        List<Ligne> attribution = new ArrayList<>();
        DemandeRadiation.Attribution a = r.attribution();
        if (a != null) {
            attribution.add(new Ligne("Bail signé le", CycleService.jour(a.dateSignatureBail())));
            if (a.rpls() != null) {
                attribution.add(new Ligne("Identifiant RPLS du logement", a.rpls()));
            }
            if (a.logement() != null) {
                DemandeRadiation.Logement l = a.logement();
                attribution.add(new Ligne("Logement", String.join(", ", java.util.stream.Stream.of(l.adresse(),
                                l.type() == null ? null : codes.libelle("typeLogementRpls", l.type()).orElse(l.type()),
                                l.surface() == null ? null : nombre(l.surface()) + " m²",
                                l.loyer() == null ? null : nombre(l.loyer()) + " € de loyer mensuel")
                        .filter(java.util.Objects::nonNull).toList())));
            }
            attribution.add(new Ligne("Contingent", codes.libelle("typeReservataire", a.contingent()).orElse(a.contingent())));
            if (a.reservataire() != null) {
                attribution.add(new Ligne("Réservataire désignataire", a.reservataire()));
            }
            if (a.dateCommission() != null) {
                attribution.add(new Ligne("Commission d’attribution du", CycleService.jour(a.dateCommission())));
            }
        }
        Radiation.Levee l = r.levee();
        return new VueRadiation(r.motif().libelle() + " (" + r.motif().name() + ")",
                r.sousMotif() == null ? null : r.sousMotif().libelle() + " (" + r.sousMotif().name() + ")",
                CycleService.jour(r.date()), r.auteurLibelle() + (r.guichet() == null ? "" : ", guichet " + r.guichet()),
                r.commentaire(), CycleService.jour(r.dateRenonciation()), CycleService.jour(r.dateAvertissement()), attribution,
                l == null ? null : l.type() == Radiation.TypeLevee.DERADIATION ? "Déradiée" : "Réactivée par un renouvellement",
                l == null ? null : HEURE.format(l.le().atZone(ZoneId.of("Europe/Paris"))), l == null ? null : l.parLibelle(),
                l == null ? null : l.motif());
    }

    private static String nombre(BigDecimal n) {
        return java.text.NumberFormat.getNumberInstance(Locale.FRANCE).format(n);
    }
}

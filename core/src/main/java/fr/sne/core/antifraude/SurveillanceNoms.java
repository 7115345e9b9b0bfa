package fr.sne.core.antifraude;

import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Perimetre;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import fr.sne.tenants.web.Refus;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The territorial manager's monitoring of names changed by desks: per desk over a period, every
 * recorded change counts — minor ones applied at once, and major ones pending, validated or
 * refused — against the territory's average per desk (total ÷ desks listed: the active desks and
 * any other that changed names then). A desk above {@code sne.antifraude.facteur-alerte} times
 * the average (2 by default) is flagged. Changes by territorial managers belong to no desk and
 * are not counted.
 */
@Singleton
public class SurveillanceNoms {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TenantTransactions transactions;
    private final ChangementNomRepository changements;
    private final ChangementNomPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final double facteur;
    private final int periodeMois;

    SurveillanceNoms(TenantTransactions transactions, ChangementNomRepository changements, ChangementNomPolicy policy,
                     AuditTrail audit, Clock clock, @Value("${sne.antifraude.facteur-alerte:2}") double facteur,
                     @Value("${sne.antifraude.periode-mois:3}") int periodeMois) {
        if (facteur <= 0 || periodeMois <= 0) {
            throw new IllegalArgumentException("sne.antifraude.facteur-alerte and periode-mois must be positive");
        }
        this.transactions = transactions;
        this.changements = changements;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.facteur = facteur;
        this.periodeMois = periodeMois;
    }

    /** From {@code du} to {@code au}, both included (Paris dates). */
    public record Periode(LocalDate du, LocalDate au) {
        Instant debut() {
            return du.atStartOfDay(PARIS).toInstant();
        }

        Instant fin() {
            return au.plusDays(1).atStartOfDay(PARIS).toInstant();
        }
    }

    /** One desk's counts; {@code rapport} to the territory's average (null when the average is 0). */
    public record LigneGuichet(String code, String nom, int appliques, int enAttente, int valides, int refuses, int total,
                               Double rapport, boolean auDessus) {
    }

    /** The monitoring of a territory over a period. */
    public record Tableau(String territoire, Periode periode, List<LigneGuichet> guichets, int total, double moyenne,
                          double seuil, double facteur) {
    }

    /** The last {@code sne.antifraude.periode-mois} months (3 by default) up to today. */
    public Periode periodeParDefaut() {
        LocalDate aujourdhui = LocalDate.now(clock.withZone(PARIS));
        return new Periode(aujourdhui.minusMonths(periodeMois), aujourdhui);
    }

    public double facteur() {
        return facteur;
    }

    public Tableau tableau(Actor actor, Periode periode) {
        String territoire = territoire(actor);
        List<ChangementNomRepository.Compte> comptes = transactions.inScope(Scope.territoireReadOnly(territoire),
                () -> changements.parGuichet(territoire, periode.debut(), periode.fin()));
        return calculer(territoire, periode, comptes, facteur);
    }

    /** The average per desk listed, the threshold and the flags, from the desks' counts. */
    static Tableau calculer(String territoire, Periode periode, List<ChangementNomRepository.Compte> comptes, double facteur) {
        int total = comptes.stream().mapToInt(ChangementNomRepository.Compte::total).sum();
        double moyenne = comptes.isEmpty() ? 0 : (double) total / comptes.size();
        double seuil = moyenne * facteur;
        List<LigneGuichet> lignes = comptes.stream()
                .map(c -> new LigneGuichet(c.guichet(), c.nom(), c.appliques(), c.enAttente(), c.valides(), c.refuses(), c.total(),
                        moyenne == 0 ? null : c.total() / moyenne, c.total() > 0 && c.total() > seuil))
                .sorted(Comparator.comparingInt(LigneGuichet::total).reversed().thenComparing(LigneGuichet::nom))
                .toList();
        return new Tableau(territoire, periode, lignes, total, moyenne, seuil, facteur);
    }

    /** A desk's changes over the period, names included: the read is audited. */
    public List<ChangementNom> duGuichet(Actor actor, String guichet, Periode periode) {
        String territoire = territoire(actor);
        List<ChangementNom> liste = transactions.inScope(Scope.territoireReadOnly(territoire),
                () -> changements.duGuichet(territoire, guichet, periode.debut(), periode.fin()));
        audit.lecture(actor, TypeAction.LECTURE, territoire, "SURVEILLANCE_NOMS", guichet,
                Map.of("du", periode.du().toString(), "au", periode.au().toString(), "changements", liste.size()));
        return liste;
    }

    /** Records an export of the monitoring (summary or a desk's changes). */
    public void exporte(Actor actor, String objet, Periode periode) {
        audit.lecture(actor, TypeAction.EXPORT, territoire(actor), "SURVEILLANCE_NOMS", objet,
                Map.of("du", periode.du().toString(), "au", periode.au().toString()));
    }

    /** The GT's territory; anybody else: 403 (or 404 outside their reach). */
    private String territoire(Actor actor) {
        String territoire = Perimetre.habilitation(actor).map(h -> h.territoire())
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Le suivi des changements de nom est réservé aux gestionnaires territoriaux."));
        Acces.exiger(policy.decider(actor, ActionChangementNom.SURVEILLER, territoire));
        return territoire;
    }
}

package fr.sne.core.doublon;

import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.identity.Perimetre;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the active applications of a territory that may be the same person's as a typed birth
 * name, first names and birth date, tolerant to case, accents, hyphens, spaces, first names in
 * another order, small typos and a slip in the birth date; best first, each scored 0–100.
 * <p>
 * The database narrows (territory, active, birth date or one of its few plausible slips, through
 * the duplicates index); the names are compared here, where the edit distance and word order
 * rules live. No PostgreSQL extension is needed.
 */
@Singleton
public class RechercheDoublons {

    /** At most this many candidates are returned. */
    public static final int LIMITE = 20;
    /** Below this score a candidate is not shown. */
    static final int SCORE_MINIMUM = 60;
    private static final double NOM_MINIMUM = 0.75;
    private static final double PRENOMS_MINIMUM = 0.7;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TenantTransactions transactions;
    private final DoublonRepository repository;
    private final DoublonPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    RechercheDoublons(TenantTransactions transactions, DoublonRepository repository, DoublonPolicy policy, AuditTrail audit,
                      Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * For a person or a desk's system: the candidates of the actor's territory (national profiles
     * name the territory), after the permission check; the read is audited with the numbers shown.
     */
    public List<Candidat> rechercher(Actor actor, String territoireDemande, String nomNaissance, String prenoms,
                                     LocalDate dateNaissance) {
        String territoire = territoire(actor, territoireDemande);
        Acces.exiger(policy.decider(actor, territoire));
        List<Candidat> candidats = candidats(territoire, nomNaissance, prenoms, dateNaissance);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recherche", "DOUBLONS");
        details.put("candidats", candidats.stream().map(Candidat::numeroUnique).toList());
        audit.lecture(actor, TypeAction.LECTURE, territoire, "DEMANDE", null, details);
        return candidats;
    }

    /**
     * The candidates of a territory, best first (then the oldest filing first). No permission
     * check and no audit here: callers that show them to someone do both (see {@link #rechercher}).
     * Joins the caller's transaction when there is one.
     */
    public List<Candidat> candidats(String territoire, String nomNaissance, String prenoms, LocalDate dateNaissance) {
        if (dateNaissance == null || nomNaissance == null || nomNaissance.isBlank()) {
            return List.of();
        }
        Map<LocalDate, DatesVoisines.Ecart> dates = DatesVoisines.de(dateNaissance, LocalDate.now(clock.withZone(PARIS)));
        List<DoublonRepository.Ligne> lignes = transactions.inScope(Scope.territoireReadOnly(territoire),
                () -> repository.nesLe(territoire, dates.keySet()));
        List<Candidat> candidats = new ArrayList<>();
        for (DoublonRepository.Ligne l : lignes) {
            Similarite.Mesure nom = Similarite.nom(nomNaissance, l.nomNaissance(), l.nomUsage());
            Similarite.Mesure pre = Similarite.prenoms(prenoms == null ? "" : prenoms, l.prenoms());
            DatesVoisines.Ecart date = dates.getOrDefault(l.dateNaissance(), DatesVoisines.Ecart.UN_CHIFFRE);
            if (nom.valeur() < NOM_MINIMUM || pre.valeur() < PRENOMS_MINIMUM) {
                continue;
            }
            int score = (int) Math.round(100 * (0.5 * nom.valeur() + 0.5 * pre.valeur()) * date.facteur);
            if (score < SCORE_MINIMUM) {
                continue;
            }
            List<String> ecarts = new ArrayList<>();
            for (String e : new String[]{nom.ecart(), pre.ecart(), date.libelle}) {
                if (e != null) {
                    ecarts.add(e);
                }
            }
            candidats.add(new Candidat(l.numeroUnique(), l.nomNaissance(), l.nomUsage(), l.prenoms(), l.dateNaissance(),
                    l.dateDepot(), l.guichetEnregistreur(), Math.min(100, score), ecarts));
        }
        candidats.sort(Comparator.comparingInt(Candidat::score).reversed()
                .thenComparing(Candidat::dateDepot).thenComparing(Candidat::numeroUnique));
        return candidats.size() > LIMITE ? List.copyOf(candidats.subList(0, LIMITE)) : List.copyOf(candidats);
    }

    /**
     * Where the actor searches: an API client's or a person's territory; a national profile names
     * one (any other request from a territorial profile stays in its own territory).
     */
    static String territoire(Actor actor, String demande) {
        if (actor instanceof Actor.ClientApi c) {
            return c.territoire();
        }
        var h = Perimetre.habilitation(actor)
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Aucune habilitation active"));
        if (h.scope().national()) {
            if (demande == null || !demande.matches("[0-9]{3}")) {
                throw new Refus(HttpStatus.BAD_REQUEST, "Indiquez le territoire où chercher (code à 3 chiffres, ex. 038).");
            }
            return demande;
        }
        return h.territoire();
    }
}

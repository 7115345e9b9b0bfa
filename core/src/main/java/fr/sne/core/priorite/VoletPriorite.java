package fr.sne.core.priorite;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.VoletDemande;
import fr.sne.core.evenement.ActionGestionPartagee;
import fr.sne.core.evenement.GestionPartageePolicy;
import fr.sne.core.evenement.IndicateursDemande;
import fr.sne.core.evenement.IndicateursDerives;
import fr.sne.core.referentiel.ListesCodes;
import fr.sne.tenants.identity.Actor;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Priority data and derived indicators on the professionals' application page: the indicators
 * as badges, the shared priority data, and their form for the profiles that change them. Not on
 * the applicant's page.
 */
@Singleton
class VoletPriorite implements VoletDemande {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** An indicator as a badge and the sentence that explains it. */
    record Signal(String badge, String explication) {
    }

    private final PrioriteService service;
    private final IndicateursDemande indicateurs;
    private final GestionPartageePolicy policy;
    private final FormulairePriorite formulaire;
    private final ListesCodes codes;
    private final Clock clock;

    VoletPriorite(PrioriteService service, IndicateursDemande indicateurs, GestionPartageePolicy policy,
                  FormulairePriorite formulaire, ListesCodes codes, Clock clock) {
        this.service = service;
        this.indicateurs = indicateurs;
        this.policy = policy;
        this.formulaire = formulaire;
        this.codes = codes;
        this.clock = clock;
    }

    @Override
    public int ordre() {
        return 30;
    }

    @Override
    public Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur) {
        if (lecteur != Lecteur.PROFESSIONNEL) {
            return Optional.empty();
        }
        Priorite p = service.lire(actor, demande.numeroUnique());
        Map<String, Object> m = new HashMap<>();
        m.put("numero", demande.numeroUnique());
        m.put("signaux", signaux(indicateurs.pour(actor, demande)));
        m.put("priorite", p);
        m.put("statut", codes.libelle("statutDalo", p.statutDalo()).orElse(p.statutDalo()));
        m.put("dateDecision", jour(p.dateDecisionDalo()));
        m.put("dateFin", jour(p.dateFinDalo()));
        m.put("categories", p.categories().stream().map(c -> codes.libelle("categoriePrioritaire", c).orElse(c)).toList());
        m.put("contingents", p.contingents().stream().map(c -> codes.libelle("typeReservataire", c).orElse(c) + " (" + c + ")").toList());
        m.put("modifieLe", p.modifieLe() == null ? null : p.modifieLe().atZone(PARIS).toLocalDate().format(JOUR));
        m.put("declaration", p.enregistree() ? null : declaration(demande.contenu().priorite()));
        boolean peutModifier = policy.decider(actor, ActionGestionPartagee.MODIFIER_PRIORITE, demande.territoire()).autorisee()
                && policy.createur(actor).isPresent() && "ACTIVE".equals(demande.etat());
        m.put("peutModifier", peutModifier);
        if (peutModifier) {
            FormulairePriorite.Valeurs valeurs = p.enregistree() ? FormulairePriorite.Valeurs.de(p) : depuisCerfa(p, demande.contenu().priorite());
            m.put("formulaire", formulaire.modele(demande.numeroUnique(), p.version(), LocalDate.now(clock.withZone(PARIS)), valeurs, List.of()));
        }
        m.put("message", ServerRequestContext.currentRequest().flatMap(r -> r.getParameters().getFirst("priorite"))
                .filter("modifiee"::equals).map(v -> "Les données de priorité sont enregistrées.").orElse(null));
        return Optional.of(new Volet("Priorité et indicateurs", "priorite", "pro/demande/volets/priorite", m));
    }

    private static List<Signal> signaux(IndicateursDemande.Indicateurs i) {
        List<Signal> s = new ArrayList<>();
        if (i.delaiAnormalementLong()) {
            s.add(new Signal("Délai anormalement long", (i.delaiAtteint() ? "Atteint depuis le " : "Sera atteint le ")
                    + i.delaiAtteintLe().format(JOUR) + " (délai fixé pour le territoire : " + i.delaiMois() + " mois"
                    + (i.delaiAtteint() ? ")." : ", moins de " + IndicateursDerives.PREAVIS_MOIS + " mois d’ici).")
                    + " Le demandeur peut saisir la commission de médiation DALO."));
        }
        if (i.attributionsMultiples()) {
            s.add(new Signal("Multiples attributions sous conditions", i.attributionsSansBail()
                    + " attributions sous condition (sous réserve de refus des candidats mieux classés, ou sous condition "
                    + "suspensive) sans signature de bail."));
        }
        return s;
    }

    /** What the CERFA content declares, shown until professionals record the shared data. */
    private String declaration(DemandeJson.Priorite cerfa) {
        boolean dalo = cerfa != null && cerfa.statutDalo() != null && !"NON".equals(cerfa.statutDalo());
        if (!dalo && (cerfa == null || cerfa.categories() == null || cerfa.categories().isEmpty())) {
            return null;
        }
        List<String> parties = new ArrayList<>();
        if (dalo) {
            parties.add("statut DALO « " + codes.libelle("statutDalo", cerfa.statutDalo()).orElse(cerfa.statutDalo()) + " »"
                    + (cerfa.dateDecisionDalo() == null ? "" : ", décision du " + cerfa.dateDecisionDalo().format(JOUR)));
        }
        if (cerfa.categories() != null && !cerfa.categories().isEmpty()) {
            parties.add(cerfa.categories().size() + " catégorie(s) prioritaire(s)");
        }
        return "Le formulaire de la demande déclare : " + String.join(" ; ", parties) + ".";
    }

    /** Before anything is recorded, the form starts from what the CERFA content declares. */
    private static FormulairePriorite.Valeurs depuisCerfa(Priorite p, DemandeJson.Priorite cerfa) {
        if (cerfa == null) {
            return FormulairePriorite.Valeurs.de(p);
        }
        return new FormulairePriorite.Valeurs(cerfa.statutDalo() == null ? p.statutDalo() : cerfa.statutDalo(),
                cerfa.dateDecisionDalo() == null ? "" : cerfa.dateDecisionDalo().toString(), "",
                cerfa.categories() == null ? List.of() : cerfa.categories(), "", List.of());
    }

    private static String jour(LocalDate d) {
        return d == null ? null : d.format(JOUR);
    }
}

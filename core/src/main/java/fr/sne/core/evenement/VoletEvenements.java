package fr.sne.core.evenement;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.VoletDemande;
import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.core.journal.TypeEvenement;
import fr.sne.tenants.identity.Actor;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared history on the application's pages. Professionals see every event, deleted ones
 * flagged, with the form to add one and a delete button on their own desk's events when their
 * profile allows it; the applicant sees the events meant for them, with the desk, never the agent.
 */
@Singleton
class VoletEvenements implements VoletDemande {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One row of the professionals' history. */
    record Ligne(long id, String date, String libelle, boolean reglementaire, boolean systeme, boolean visibleDemandeur,
                 String createur, String commentaire, boolean supprime, String supprimeLe, boolean peutSupprimer) {
    }

    /** One row of the applicant's history. */
    record LigneDemandeur(String date, String libelle, String guichet, String commentaire) {
    }

    private final EvenementService service;
    private final GestionPartageePolicy policy;
    private final CatalogueEvenements catalogue;
    private final FormulaireEvenement formulaire;
    private final Clock clock;

    VoletEvenements(EvenementService service, GestionPartageePolicy policy, CatalogueEvenements catalogue,
                    FormulaireEvenement formulaire, Clock clock) {
        this.service = service;
        this.policy = policy;
        this.catalogue = catalogue;
        this.formulaire = formulaire;
        this.clock = clock;
    }

    @Override
    public int ordre() {
        return 40;
    }

    @Override
    public Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur) {
        return Optional.of(lecteur == Lecteur.DEMANDEUR && actor instanceof Actor.Particulier p
                ? demandeur(p, demande) : professionnel(actor, demande));
    }

    private Volet professionnel(Actor actor, DemandeJson.Demande demande) {
        EvenementService.Historique h = service.lire(actor, demande.numeroUnique());
        Map<String, Object> m = new HashMap<>();
        m.put("numero", demande.numeroUnique());
        m.put("lignes", h.evenements().stream().map(e -> ligne(actor, e)).toList());
        boolean peutAjouter = policy.decider(actor, ActionGestionPartagee.AJOUTER_EVENEMENT, demande.territoire()).autorisee()
                && policy.createur(actor).isPresent();
        m.put("peutAjouter", peutAjouter);
        if (peutAjouter) {
            m.put("formulaire", formulaire.modele(demande.numeroUnique(), LocalDate.now(clock.withZone(PARIS)), Map.of(), List.of()));
        }
        m.put("message", message());
        return new Volet("Historique partagé de la demande", "historique", "pro/demande/volets/evenements", m);
    }

    private Volet demandeur(Actor.Particulier p, DemandeJson.Demande demande) {
        List<LigneDemandeur> lignes = service.lire(p, demande.numeroUnique()).evenements().stream()
                .map(e -> new LigneDemandeur(e.dateSurvenance().format(JOUR), catalogue.type(e.code()).map(TypeEvenement::libelle)
                        .orElse(e.code()), guichetPourDemandeur(e), e.commentaire()))
                .toList();
        return new Volet("Le suivi de ma demande", "suivi", "portail/demande/volets/evenements", Map.of("lignes", lignes));
    }

    private Ligne ligne(Actor actor, Evenement e) {
        Optional<TypeEvenement> t = catalogue.type(e.code());
        return new Ligne(e.id(), e.dateSurvenance().format(JOUR), t.map(TypeEvenement::libelle).orElse(e.code()),
                t.map(TypeEvenement::reglementaire).orElse(false), e.systeme(), t.map(TypeEvenement::visibleDemandeur).orElse(false),
                e.createurLibelle(), e.commentaire(), e.supprime(), jour(e.supprimeLe()), policy.peutSupprimer(actor, e));
    }

    /** The desk's name only (the applicant knows desks by name), the territory's management, or nothing for the system. */
    private static String guichetPourDemandeur(Evenement e) {
        if (e.parGestionnaire()) {
            return "Gestionnaire territorial";
        }
        return e.guichetNom() != null ? e.guichetNom() : "—";
    }

    /** The outcome of the desk's last action on this panel, named by the redirection that followed it. */
    private static String message() {
        return ServerRequestContext.currentRequest().flatMap(r -> r.getParameters().getFirst("evenement"))
                .map(v -> switch (v) {
                    case "ajoute" -> "L’événement a été ajouté à l’historique.";
                    case "supprime" -> "L’événement a été supprimé : il reste visible des professionnels, marqué « supprimé ».";
                    default -> null;
                }).orElse(null);
    }

    private static String jour(Instant instant) {
        return instant == null ? null : instant.atZone(PARIS).toLocalDate().format(JOUR);
    }
}

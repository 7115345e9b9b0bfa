package fr.sne.core.avis;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.VoletDemande;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Acces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The renewal notices on an application's page: for professionals every sending with its
 * channel, kind, deadline, date and outcome (an uncertain e-mail explained); for the applicant
 * the notices addressed to them. Read in the reader's own scope (an applicant's account: RLS
 * gives their own rows only), audited when there is something to read.
 */
@Singleton
public class VoletAvis implements VoletDemande {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** One sending as a row of the panel. */
    public record Ligne(String nature, String canal, String echeance, String etat, String badge, String date,
                        String destinataire, String detail) {
    }

    private final TenantTransactions transactions;
    private final AvisRepository avis;
    private final AuditTrail audit;
    private final Clock clock;

    VoletAvis(TenantTransactions transactions, AvisRepository avis, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.avis = avis;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int ordre() {
        return 50;
    }

    @Override
    public Optional<Volet> volet(Actor actor, DemandeJson.Demande demande, Lecteur lecteur) {
        Scope scope = actor instanceof Actor.Particulier p ? Scope.lecture(Scope.compte(p.compteId()))
                : Scope.lecture(Acces.scope(actor));
        List<AvisRepository.EnvoiLu> envois = transactions.inScope(scope,
                () -> avis.duDossier(demande.territoire(), demande.numeroUnique()));
        boolean demandeur = lecteur == Lecteur.DEMANDEUR;
        List<AvisRepository.EnvoiLu> visibles = demandeur
                ? envois.stream().filter(e -> e.etat() != EtatEnvoi.ANNULE).toList() : envois;
        if (!visibles.isEmpty()) {
            audit.lecture(actor, TypeAction.LECTURE, demande.territoire(), JournalAvis.OBJET, demande.numeroUnique(),
                    Map.of("nombre", visibles.size()));
        }
        if (demandeur && visibles.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("lignes", visibles.stream().map(e -> ligne(e, demandeur)).toList());
        m.put("incertain", visibles.stream().anyMatch(e -> e.etat() == EtatEnvoi.INCERTAIN));
        m.put("echeance", TextesAvis.date(demande.dateProchainRenouvellement()));
        m.put("active", "ACTIVE".equals(demande.etat()));
        LocalDate debut = demande.dateProchainRenouvellement().minusMonths(2);
        m.put("premierAvisLe", debut.isAfter(LocalDate.now(clock.withZone(PARIS))) ? TextesAvis.date(debut) : null);
        return Optional.of(new Volet("Avis de renouvellement", "avis-renouvellement", demandeur ? "portail/demande/volets/avis-renouvellement"
                : "pro/demande/volets/avis-renouvellement", m));
    }

    private static Ligne ligne(AvisRepository.EnvoiLu e, boolean demandeur) {
        String date = switch (e.etat()) {
            case ENVOYE -> "Envoyé le " + TextesAvis.horodatage(e.envoyeLe());
            case IMPRIME -> "Imprimé le " + TextesAvis.horodatage(e.envoyeLe());
            case ANNULE -> "Annulé le " + TextesAvis.horodatage(e.annuleLe());
            case A_IMPRIMER -> "En attente depuis le " + TextesAvis.horodatage(e.creeLe());
            default -> "Prévu le " + TextesAvis.horodatage(e.creeLe());
        };
        String detail = switch (e.etat()) {
            case ANNULE -> switch (e.motifAnnulation() == null ? "" : e.motifAnnulation()) {
                case "RENOUVELEE" -> "Demande renouvelée avant l’envoi";
                case "RADIEE" -> "Demande radiée avant l’envoi";
                default -> "Échéance passée avant l’envoi";
            };
            case INCERTAIN -> demandeur ? "Si vous ne l’avez pas reçu, renouvelez tout de même votre demande avant l’échéance."
                    : "Envoi interrompu avant sa confirmation : il n’est pas renvoyé automatiquement.";
            case ECHEC -> demandeur ? "Vérifiez vos coordonnées en mettant votre demande à jour."
                    : e.erreur() == null ? "" : e.erreur();
            case A_ENVOYER -> !demandeur && e.tentatives() > 0 && e.erreur() != null
                    ? "Nouvel essai prévu (" + e.erreur() + ")" : "";
            default -> "";
        };
        return new Ligne(e.nature().getLibelle(), e.canal().getLibelle(), TextesAvis.dateCourte(e.echeance()),
                demandeur ? e.etat().getLibelleDemandeur() : e.etat().getLibelle(), e.etat().getBadge(), date,
                e.destinataire() == null ? "" : e.destinataire(), detail);
    }
}

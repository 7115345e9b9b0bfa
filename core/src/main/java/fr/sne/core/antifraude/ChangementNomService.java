package fr.sne.core.antifraude;

import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.demande.VersionPerimee;
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

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pending changes of names: reading them, and the decision — a validation writes the names as
 * the application's next version (movement, system event, audit); a refusal, with its reason,
 * keeps the names as they are. Each decision is one transaction with its audit row.
 */
@Singleton
public class ChangementNomService {

    /** The longest reason for a refusal. */
    static final int MOTIF_MAXIMUM = 2000;

    private final TenantTransactions transactions;
    private final ChangementNomRepository changements;
    private final ChangementNomPolicy policy;
    private final DemandeService demandes;
    private final AuditTrail audit;

    ChangementNomService(TenantTransactions transactions, ChangementNomRepository changements, ChangementNomPolicy policy,
                         DemandeService demandes, AuditTrail audit) {
        this.transactions = transactions;
        this.changements = changements;
        this.policy = policy;
        this.demandes = demandes;
        this.audit = audit;
    }

    /** A change and whether the actor may decide it. */
    public record Consultation(ChangementNom changement, boolean peutDecider) {
    }

    /** An application's changes of names (the application already read and authorised); the read is audited. */
    public List<Consultation> deLaDemande(Actor actor, DemandeJson.Demande demande) {
        Acces.exiger(policy.decider(actor, ActionChangementNom.CONSULTER, demande.territoire()));
        List<ChangementNom> liste = transactions.inScope(Scope.territoireReadOnly(demande.territoire()),
                () -> changements.deLaDemande(demande.territoire(), demande.numeroUnique()));
        if (!liste.isEmpty()) {
            audit.lecture(actor, TypeAction.LECTURE, demande.territoire(), "CHANGEMENT_NOM", demande.numeroUnique(),
                    Map.of("changements", liste.size()));
        }
        return liste.stream().map(c -> new Consultation(c, peutDecider(actor, c))).toList();
    }

    /** One change of an application of the actor's territory; another territory's, or another application's: not found. */
    public Consultation consulter(Actor actor, String numero, long id) {
        String territoire = territoireDe(actor);
        ChangementNom c = transactions.inScope(Scope.territoireReadOnly(territoire), () -> changements.trouver(id, false))
                .filter(x -> x.numeroUnique().equals(numero))
                .orElseThrow(() -> introuvable(id));
        Acces.exiger(policy.decider(actor, ActionChangementNom.CONSULTER, c.territoire()));
        audit.lecture(actor, TypeAction.LECTURE, c.territoire(), "CHANGEMENT_NOM", Long.toString(id), null);
        return new Consultation(c, peutDecider(actor, c));
    }

    /**
     * Validates a pending change: the names become the application's, as a new version. Stale —
     * the person's names are no longer those the change started from — or already decided:
     * {@link ChangementNomConflit}, nothing written.
     */
    public DemandeJson.Demande valider(Actor actor, String numero, long id) {
        String territoire = territoireDe(actor);
        return transactions.inScope(Scope.territoire(territoire), () -> {
            ChangementNom c = aDecider(actor, numero, id);
            DemandeJson.Demande d = demandes.consulter(actor, numero);
            if (!"ACTIVE".equals(d.etat())) {
                throw new ChangementNomConflit("La demande est radiée : ce changement de nom ne peut plus être validé. Refusez-le.");
            }
            Personnes.Noms actuels = Personnes.noms(d.contenu(), c.personne())
                    .orElseThrow(() -> new ChangementNomConflit("La personne concernée ne figure plus dans la demande : "
                            + "ce changement ne peut plus être validé. Refusez-le."));
            if (!Objects.equals(actuels.nom(), c.nomAvant()) || !Objects.equals(actuels.prenoms(), c.prenomsAvant())) {
                throw new ChangementNomConflit("Les nom et prénoms " + Personnes.duLaPersonne(c.personne())
                        + " ont changé depuis cette demande de changement (ils sont aujourd’hui « "
                        + ChangementNom.nomComplet(actuels.nom(), actuels.prenoms()) + " ») : elle ne peut plus être validée. "
                        + "Refusez-la ; le guichet pourra refaire sa demande à partir des noms actuels.");
            }
            DemandeJson.Contenu contenu = Personnes.avecNoms(d.contenu(), c.personne(), new Personnes.Noms(c.nomApres(), c.prenomsApres()));
            DemandeJson.Demande apres;
            try {
                apres = demandes.appliquer(actor, d, contenu, "Changement de nom " + Personnes.duLaPersonne(c.personne())
                        + " validé (demandé par " + c.libelleGuichet() + ")");
            } catch (VersionPerimee e) {
                throw new ChangementNomConflit("La demande vient d’être modifiée par quelqu’un d’autre : rechargez la page et recommencez.");
            }
            if (!changements.decider(territoire, id, ChangementNom.Statut.VALIDE, qui(actor), null, apres.version())) {
                throw new IllegalStateException("pending change " + id + " locked but not updated");
            }
            audit.changement(actor, TypeAction.MODIFICATION, territoire, "CHANGEMENT_NOM", Long.toString(id),
                    Map.of("statut", "EN_ATTENTE"), Map.of("statut", "VALIDE", "numeroUnique", numero, "version", apres.version()));
            return apres;
        });
    }

    /** Refuses a pending change with a reason (required): the names stay as they are. */
    public void refuser(Actor actor, String numero, long id, String motif) {
        String m = motif == null ? "" : motif.strip();
        if (m.isEmpty() || m.length() > MOTIF_MAXIMUM) {
            throw new Refus(HttpStatus.BAD_REQUEST, "Indiquez le motif du refus (" + MOTIF_MAXIMUM + " caractères au plus).");
        }
        String territoire = territoireDe(actor);
        transactions.inScope(Scope.territoire(territoire), () -> {
            aDecider(actor, numero, id);
            if (!changements.decider(territoire, id, ChangementNom.Statut.REFUSE, qui(actor), m, null)) {
                throw new IllegalStateException("pending change " + id + " locked but not updated");
            }
            audit.changement(actor, TypeAction.MODIFICATION, territoire, "CHANGEMENT_NOM", Long.toString(id),
                    Map.of("statut", "EN_ATTENTE"), Map.of("statut", "REFUSE", "numeroUnique", numero, "motif", m));
            return null;
        });
    }

    /** The change, locked, checked against the policy, and still pending. */
    private ChangementNom aDecider(Actor actor, String numero, long id) {
        ChangementNom c = changements.trouver(id, true).filter(x -> x.numeroUnique().equals(numero))
                .orElseThrow(() -> introuvable(id));
        Acces.exiger(policy.decider(actor, c));
        if (c.statut() != ChangementNom.Statut.EN_ATTENTE) {
            throw new ChangementNomConflit("Ce changement de nom a déjà été " + (c.statut() == ChangementNom.Statut.VALIDE
                    ? "validé" : c.statut() == ChangementNom.Statut.REFUSE ? "refusé" : "appliqué") + ".");
        }
        return c;
    }

    private boolean peutDecider(Actor actor, ChangementNom c) {
        return c.statut() == ChangementNom.Statut.EN_ATTENTE && policy.decider(actor, c).autorisee();
    }

    private static ChangementNomRepository.Qui qui(Actor actor) {
        Actor.Professionnel p = (Actor.Professionnel) actor;
        return new ChangementNomRepository.Qui(fr.sne.core.journal.Journal.auteur(p), p.utilisateurId(), p.nomAffiche(),
                fr.sne.core.journal.Journal.guichet(p));
    }

    /** The territory of the actor's habilitation (a decision is taken in one territory); 403 without one. */
    private static String territoireDe(Actor actor) {
        return Perimetre.habilitation(actor).map(h -> h.territoire())
                .orElseThrow(() -> new Refus(HttpStatus.FORBIDDEN, "Votre habilitation ne permet pas de traiter les changements de nom."));
    }

    private static Refus introuvable(long id) {
        return new Refus(HttpStatus.NOT_FOUND, "Aucun changement de nom n° " + id + " sur cette demande dans votre territoire.");
    }
}

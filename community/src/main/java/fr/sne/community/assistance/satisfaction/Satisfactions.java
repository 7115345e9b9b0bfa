package fr.sne.community.assistance.satisfaction;

import fr.sne.community.assistance.ApplicationAssistee;
import fr.sne.community.assistance.AssistancePolicy;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import fr.sne.tenants.audit.AuditTrail;
import fr.sne.tenants.audit.TypeAction;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Formulaire;
import fr.sne.tenants.web.Refus;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Satisfaction surveys of resolved tickets: an invitation per resolution round, answered once
 * (1 to 5 and a comment) from the portal by the requester or from the signed link of the mail
 * without signing in; a reopening voids the round; the national administrators' report.
 */
@Singleton
public class Satisfactions {

    /** How long the mail's link rates. */
    public static final Duration VALIDITE = Duration.ofDays(30);
    static final String OBJET = "satisfaction_assistance";

    /** Where a survey stands for whoever opens it. */
    public sealed interface Etat {
        /** A forged or damaged link. */
        record Invalide() implements Etat {
        }

        record Expire(Ticket ticket) implements Etat {
        }

        /** The ticket was reopened after this invitation: a new one comes at the next resolution. */
        record Annule(Ticket ticket) implements Etat {
        }

        /** @param maintenant recorded by this very request (else: answered before, shown as it was) */
        record Repondu(Ticket ticket, Invitation invitation, boolean maintenant) implements Etat {
        }

        record Ouvert(Ticket ticket, Invitation invitation) implements Etat {
        }

        /** The ticket has never been resolved: nothing to rate yet. */
        record Aucune(Ticket ticket) implements Etat {
        }
    }

    private final TenantTransactions transactions;
    private final SatisfactionRepository repository;
    private final LiensSatisfaction liens;
    private final DemandesAssistance demandes;
    private final AuditTrail audit;
    private final Clock clock;

    Satisfactions(TenantTransactions transactions, SatisfactionRepository repository, LiensSatisfaction liens,
                  DemandesAssistance demandes, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.liens = liens;
        this.demandes = demandes;
        this.audit = audit;
        this.clock = clock;
    }

    // Invitations (told by the notifications, after the ticket's change was committed) --------------

    /**
     * Opens a round for a ticket just resolved; returns the signed link's token for the mail. The
     * round is credited to the assigned agent, else to whoever resolved it.
     */
    public String inviter(Ticket ticket, Long resoluPar) {
        Instant maintenant = clock.instant();
        Instant expire = maintenant.plus(VALIDITE);
        int tour = transactions.inScope(Scope.nationalEcriture(), () -> repository.inviter(ticket.id(), ticket.demandeurId(),
                ticket.agentId() != null ? ticket.agentId() : resoluPar,
                ticket.application().name(), maintenant, expire));
        return liens.signer(new LiensSatisfaction.Lien(ticket.id(), tour, expire));
    }

    /** The ticket went back to work: the standing invitation (answered or not) is void. */
    public int annuler(long ticketId) {
        Instant maintenant = clock.instant();
        return transactions.inScope(Scope.nationalEcriture(), () -> repository.annuler(ticketId, maintenant));
    }

    // The mail's signed link ------------------------------------------------------------------------

    public Etat parLien(String jeton) {
        return parLien(jeton, clock.instant());
    }

    /** As at {@code maintenant} (the link's expiry is checked against it). */
    public Etat parLien(String jeton, Instant maintenant) {
        Optional<LiensSatisfaction.Lien> lien = liens.verifier(jeton);
        if (lien.isEmpty()) {
            return new Etat.Invalide();
        }
        LiensSatisfaction.Lien l = lien.get();
        Optional<Ticket> ticket = demandes.parId(l.ticketId());
        Optional<Invitation> invitation = transactions.inScope(Scope.nationalReadOnly(), () -> repository.invitation(l.ticketId(), l.tour()));
        if (ticket.isEmpty() || invitation.isEmpty()) {
            return new Etat.Invalide();
        }
        return etat(ticket.get(), invitation.get(), !maintenant.isBefore(l.expireLe()));
    }

    /** Records the answer given through the link; the resulting state (answered, or why not). */
    public Etat repondreParLien(String jeton, String note, String commentaire) {
        Etat etat = parLien(jeton);
        if (!(etat instanceof Etat.Ouvert ouvert)) {
            return etat;
        }
        return enregistrer(new Actor.Systeme("satisfaction-lien"), ouvert, note, commentaire);
    }

    // The portal (the requester signed in) ------------------------------------------------------------

    /** The requester's survey of their ticket (404 for anybody else, like the ticket). */
    public Etat duDemandeur(Actor actor, String cle) {
        Ticket ticket = demandes.parCle(cle).orElseThrow(Satisfactions::introuvable);
        if (!(actor instanceof Actor.Professionnel p) || p.utilisateurId() != ticket.demandeurId()) {
            throw introuvable();
        }
        Optional<Invitation> derniere = transactions.inScope(Scope.nationalReadOnly(), () -> repository.derniere(ticket.id()));
        return derniere.map(i -> etat(ticket, i, false)).orElse(new Etat.Aucune(ticket));
    }

    public Etat repondreDuDemandeur(Actor actor, String cle, String note, String commentaire) {
        Etat etat = duDemandeur(actor, cle);
        if (!(etat instanceof Etat.Ouvert ouvert)) {
            return etat;
        }
        return enregistrer(actor, ouvert, note, commentaire);
    }

    private Etat enregistrer(Actor actor, Etat.Ouvert ouvert, String note, String commentaire) {
        Formulaire erreurs = new Formulaire();
        Integer n = null;
        try {
            n = note == null ? null : Integer.parseInt(note.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (n == null || n < 1 || n > 5) {
            erreurs.erreur("note", "Choisissez une note de 1 à 5.");
        }
        String c = Formulaire.texte(commentaire);
        if (c != null && c.length() > 2000) {
            erreurs.erreur("commentaire", "Le commentaire ne doit pas dépasser 2 000 caractères.");
        }
        erreurs.verifier();
        Ticket t = ouvert.ticket();
        Invitation i = ouvert.invitation();
        int valeur = n;
        Instant maintenant = clock.instant();
        boolean enregistre = transactions.inScope(Scope.nationalEcriture(), () -> {
            boolean ok = repository.repondre(t.id(), i.tour(), valeur, c, maintenant);
            if (ok) {
                Map<String, Object> apres = new HashMap<>();
                apres.put("tour", i.tour());
                apres.put("note", valeur);
                apres.put("commentaire", c != null);
                audit.changement(actor, TypeAction.CREATION, t.territoire(), OBJET, t.cle(), null, apres);
            }
            return ok;
        });
        Invitation relue = transactions.inScope(Scope.nationalReadOnly(), () -> repository.invitation(t.id(), i.tour())).orElseThrow();
        // answered meanwhile (two tabs) or voided: the state says which
        return enregistre ? new Etat.Repondu(t, relue, true) : etat(t, relue, false);
    }

    private static Etat etat(Ticket ticket, Invitation invitation, boolean expire) {
        if (invitation.annulee()) {
            return new Etat.Annule(ticket);
        }
        if (invitation.repondue()) {
            return new Etat.Repondu(ticket, invitation, false);
        }
        if (expire) {
            return new Etat.Expire(ticket);
        }
        if (ticket.statut() != StatutTicket.RESOLU && ticket.statut() != StatutTicket.TERMINE) {
            return new Etat.Annule(ticket);
        }
        return new Etat.Ouvert(ticket, invitation);
    }

    // Report ------------------------------------------------------------------------------------------

    /** A row of the report, with its distribution over the notes 1 to 5. */
    public record Ligne(String libelle, long nombre, double moyenne, List<Long> repartition) {

        /** e.g. "4,3" */
        public String moyenneTexte() {
            return String.format(java.util.Locale.FRANCE, "%.1f", moyenne);
        }

        public long max() {
            return repartition.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    public record Rapport(List<Ligne> parApplication, List<Ligne> parAgent, long total) {
    }

    /** Ratings per application and per agent (national administrators only). */
    public Rapport rapport(Actor actor) {
        if (!AssistancePolicy.administrer(actor).autorisee()) {
            throw new Refus(HttpStatus.FORBIDDEN, "Le rapport de satisfaction est réservé aux administrateurs nationaux.");
        }
        return transactions.inScope(Scope.nationalReadOnly(), () -> {
            List<Ligne> apps = repository.parApplication().stream().map(l -> {
                ApplicationAssistee a = ApplicationAssistee.parCode(l.cle());
                return ligne(a == null ? l.libelle() : a.libelle(), l);
            }).toList();
            List<Ligne> agents = repository.parAgent().stream().map(l -> ligne(l.libelle(), l)).toList();
            return new Rapport(apps, agents, apps.stream().mapToLong(Ligne::nombre).sum());
        });
    }

    private static Ligne ligne(String libelle, SatisfactionRepository.Ligne l) {
        return new Ligne(libelle, l.nombre(), l.moyenne(), java.util.Arrays.stream(l.repartition()).boxed().toList());
    }

    private static Refus introuvable() {
        return new Refus(HttpStatus.NOT_FOUND, "Demande d’assistance introuvable");
    }
}

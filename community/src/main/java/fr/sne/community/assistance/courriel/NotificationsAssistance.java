package fr.sne.community.assistance.courriel;

import fr.sne.community.assistance.Commentaire;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.ObservateurAssistance;
import fr.sne.community.assistance.Participant;
import fr.sne.community.assistance.StatutTicket;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.assistance.satisfaction.Satisfactions;
import fr.sne.community.info.markdown.RenduMarkdown;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The tickets' notification mails, queued after the change (sent by {@link EnvoiCourrielsAssistance}).
 * <p>
 * <b>Who gets them</b>: the people who may reply — the requester, the explicit participants and
 * the assigned agent — never the author of the change (except the requester's own creation
 * receipt). Members of the organisation or teams the ticket is shared with are readers: they get
 * no mail (they follow it in "Mes demandes"; mailing whole desks would bury the useful mails).
 * Agents learn of new tickets from their queues, not by mail. Internal notes never cause a mail.
 * <p>
 * Each mail carries the ticket's key in its subject, its own Message-ID (stored: a reply is
 * matched to the ticket by it) and {@code In-Reply-To}/{@code References} to the ticket's earlier
 * mails, so that mail clients thread a ticket's mails together; {@code Reply-To} is the inbound
 * mailbox ({@code sne.mail.reponses}). On resolution the requester's mail invites them to rate the answer.
 * Status mails: every change except "Ouvert → En cours" (the ticket taken in hand, by an
 * assignment or the first reply, whose own mail is the news). Links use {@code sne.communaute.adresse}.
 */
@Singleton
class NotificationsAssistance implements ObservateurAssistance {

    private static final int REFERENCES_MAX = 10;
    static final String LIGNE_REPONSE = "--- Répondez au-dessus de cette ligne pour ajouter un message à la demande ---";

    private final TenantTransactions transactions;
    private final FileCourriels file;
    private final DemandesAssistance demandes;
    private final Satisfactions satisfactions;
    private final RenduMarkdown rendu;
    private final Clock clock;
    private final String adresse;
    private final String domaine;

    NotificationsAssistance(TenantTransactions transactions, FileCourriels file, DemandesAssistance demandes, Satisfactions satisfactions,
                            RenduMarkdown rendu, Clock clock, @Value("${sne.communaute.adresse:}") String adresse,
                            @Value("${sne.mail.from:ne-pas-repondre@sne.test}") String expediteur) {
        this.transactions = transactions;
        this.file = file;
        this.demandes = demandes;
        this.satisfactions = satisfactions;
        this.rendu = rendu;
        this.clock = clock;
        // the portal's public address, for the links in the mails (a colon cannot sit in a placeholder's default)
        String a = adresse == null || adresse.isBlank() ? "http://localhost:8080" : adresse.strip();
        this.adresse = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        this.domaine = expediteur.contains("@") ? expediteur.substring(expediteur.indexOf('@') + 1) : "sne.test";
    }

    @Override
    public void creation(Ticket ticket) {
        String texte = """
                Bonjour,

                Votre demande d'assistance %s est enregistrée. L'assistance nationale vous répondra par courriel et sur SNE Communautés.

                Résumé : %s
                Application : %s — %s

                Pour ajouter une précision, répondez simplement à ce courriel, ou rendez-vous sur :
                %s
                """.formatted(ticket.cle(), ticket.resume(), ticket.application().libelle(), ticket.theme().libelle(), lien(ticket));
        for (Participant p : destinataires(ticket, null, true)) {
            enfiler(ticket, FileCourriels.Evenement.CREATION, p, "Demande enregistrée : " + ticket.resume(),
                    p.role() == Participant.Role.DEMANDEUR ? texte : texteParticipant(ticket));
        }
    }

    @Override
    public void reponsePublique(Ticket ticket, Commentaire commentaire) {
        if (!commentaire.publique()) {
            return;
        }
        String texte = """
                %s

                Bonjour,

                %s a répondu à la demande %s « %s » :

                %s

                Pour répondre, répondez à ce courriel (votre message est ajouté à la demande), ou rendez-vous sur :
                %s
                """.formatted(LIGNE_REPONSE, commentaire.auteurNom(), ticket.cle(), ticket.resume(),
                rendu.texte(commentaire.corpsMarkdown()).strip(), lien(ticket));
        for (Participant p : destinataires(ticket, commentaire.auteurId(), false)) {
            enfiler(ticket, FileCourriels.Evenement.REPONSE, p, "Nouvelle réponse : " + ticket.resume(), texte);
        }
    }

    @Override
    public void changementStatut(Ticket ticket, StatutTicket ancien, StatutTicket nouveau, Long auteurId) {
        if (nouveau.actif() && (ancien == StatutTicket.RESOLU || ancien == StatutTicket.TERMINE)) {
            // reopened: the survey of the previous resolution no longer stands
            satisfactions.annuler(ticket.id());
        }
        String jeton = nouveau == StatutTicket.RESOLU ? satisfactions.inviter(ticket, auteurId) : null;
        if (ancien == StatutTicket.OUVERT && nouveau == StatutTicket.EN_COURS) {
            // taken in hand (assignment or first reply): the reply's own mail is the news, no second mail
            return;
        }
        for (Participant p : destinataires(ticket, auteurId, false)) {
            StringBuilder texte = new StringBuilder("""
                    Bonjour,

                    La demande %s « %s » est passée de « %s » à « %s ».
                    """.formatted(ticket.cle(), ticket.resume(), ancien.libelle(), nouveau.libelle()));
            if (nouveau == StatutTicket.RESOLU) {
                texte.append("""

                        Si la solution ne vous convient pas, répondez à ce courriel : la demande sera rouverte.
                        """);
                if (jeton != null && p.role() == Participant.Role.DEMANDEUR) {
                    texte.append("""

                            Votre avis nous aide à améliorer l'assistance : notez la réponse reçue (de 1 à 5), en une minute et sans vous connecter :
                            %s/assistance/satisfaction?jeton=%s
                            Ce lien est valable 30 jours.
                            """.formatted(adresse, jeton));
                }
            } else if (nouveau == StatutTicket.TERMINE) {
                texte.append("""

                        Elle est close : pour un nouveau problème, créez une nouvelle demande en citant sa référence %s.
                        """.formatted(ticket.cle()));
            } else if (nouveau == StatutTicket.EN_ATTENTE_DEMANDEUR) {
                texte.append("""

                        L'assistance attend une réponse de votre part : répondez à ce courriel ou sur SNE Communautés.
                        """);
            }
            texte.append("\nConsulter la demande : ").append(lien(ticket)).append('\n');
            enfiler(ticket, FileCourriels.Evenement.STATUT, p, "Statut : " + nouveau.libelle() + " — " + ticket.resume(), texte.toString());
        }
    }

    /** Queues a mail answering an inbound one (a polite refusal); threaded on that mail. */
    void refuser(Ticket ticket, String destinataire, String inReplyTo, String objet, String texte) {
        Instant maintenant = clock.instant();
        transactions.inScope(Scope.nationalEcriture(), () -> {
            if (inReplyTo == null || !file.refusDeja(inReplyTo)) {
                file.enfiler(new FileCourriels.Nouveau(ticket.id(), FileCourriels.Evenement.REFUS, null, destinataire, objet, texte,
                        messageId(ticket), inReplyTo, inReplyTo == null ? List.of() : List.of(inReplyTo)), maintenant);
            }
            return null;
        });
    }

    private String texteParticipant(Ticket ticket) {
        return """
                Bonjour,

                Vous participez à la demande d'assistance %s « %s » de %s.

                Répondez à ce courriel pour y ajouter un message, ou rendez-vous sur :
                %s
                """.formatted(ticket.cle(), ticket.resume(), ticket.demandeurNom(), lien(ticket));
    }

    /** The requester, the explicit participants and the assigned agent, without the author. */
    private List<Participant> destinataires(Ticket ticket, Long auteurId, boolean creation) {
        List<Participant> tous = demandes.participants(ticket.id());
        List<Participant> retenus = new ArrayList<>();
        for (Participant p : tous) {
            boolean concerne = switch (p.role()) {
                case DEMANDEUR, PARTICIPANT, AGENT -> true;
                case LECTEUR_ORGANISATION, LECTEUR_EQUIPE -> false;
            };
            boolean auteur = auteurId != null && p.utilisateurId() == auteurId && !creation;
            if (concerne && !auteur && p.courriel() != null && !p.courriel().isBlank()) {
                retenus.add(p);
            }
        }
        return retenus;
    }

    private void enfiler(Ticket ticket, FileCourriels.Evenement evenement, Participant p, String objet, String texte) {
        Instant maintenant = clock.instant();
        String sujet = "[" + ticket.cle() + "] " + objet;
        String sujetBorne = sujet.length() > 400 ? sujet.substring(0, 399) + "…" : sujet;
        transactions.inScope(Scope.nationalEcriture(), () -> {
            List<String> precedents = file.precedents(ticket.id());
            String inReplyTo = file.dernierA(ticket.id(), p.courriel()).orElse(precedents.isEmpty() ? null : precedents.getFirst());
            List<String> references = new ArrayList<>();
            if (!precedents.isEmpty()) {
                // the thread's root, then the latest ones
                references.add(precedents.getFirst());
                int debut = Math.max(1, precedents.size() - (REFERENCES_MAX - 1));
                references.addAll(precedents.subList(debut, precedents.size()));
            }
            if (inReplyTo != null && !references.contains(inReplyTo)) {
                references.add(inReplyTo);
            }
            file.enfiler(new FileCourriels.Nouveau(ticket.id(), evenement, p.utilisateurId(), p.courriel(), sujetBorne, texte,
                    messageId(ticket), inReplyTo, references.stream().filter(Objects::nonNull).distinct().toList()), maintenant);
            return null;
        });
    }

    private String messageId(Ticket ticket) {
        return "<" + ticket.cle().toLowerCase(Locale.ROOT) + "." + UUID.randomUUID() + "@" + domaine + ">";
    }

    private String lien(Ticket ticket) {
        return adresse + ticket.url();
    }
}

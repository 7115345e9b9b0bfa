package fr.sne.community.assistance.courriel;

import fr.sne.community.assistance.Commentaire;
import fr.sne.community.assistance.DemandesAssistance;
import fr.sne.community.assistance.Ticket;
import fr.sne.community.assistance.equipe.EquipeRepository;
import fr.sne.tenants.courriel.Courriel;
import fr.sne.tenants.courriel.CourrielEntrant;
import fr.sne.tenants.courriel.TraitementCourrielEntrant;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import fr.sne.tenants.web.Refus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Replies by mail to the tickets' notifications. A mail belongs to a ticket when it answers one
 * of the ticket's mails (In-Reply-To/References matching a stored Message-ID) or, failing that,
 * when its subject quotes the ticket's key. The sender's address must be the account address of
 * someone who may reply (requester, explicit participant, agent; the ticket not closed): the
 * text above the quoted part becomes a public reply (reopening a resolved ticket, per the
 * service's rules) and its attachments go with it; anybody else gets a polite refusal and nothing
 * is added. Idempotent on the mail's Message-ID (the comment stores it; a refusal is queued once).
 */
@Singleton
class ReponsesAssistanceParCourriel implements TraitementCourrielEntrant {

    private static final Logger LOG = LoggerFactory.getLogger(ReponsesAssistanceParCourriel.class);

    private final TenantTransactions transactions;
    private final FileCourriels file;
    private final DemandesAssistance demandes;
    private final EquipeRepository utilisateurs;
    private final NotificationsAssistance notifications;

    ReponsesAssistanceParCourriel(TenantTransactions transactions, FileCourriels file, DemandesAssistance demandes,
                                  EquipeRepository utilisateurs, NotificationsAssistance notifications) {
        this.transactions = transactions;
        this.file = file;
        this.demandes = demandes;
        this.utilisateurs = utilisateurs;
        this.notifications = notifications;
    }

    @Override
    public boolean concerne(CourrielEntrant courriel) {
        return ticket(courriel).isPresent();
    }

    @Override
    public void traiter(CourrielEntrant courriel) {
        Ticket ticket = ticket(courriel).orElseThrow();
        if (courriel.messageId() != null && demandes.commentaireParMessageId(courriel.messageId()).isPresent()) {
            return; // delivered again: already recorded
        }
        Optional<Long> auteur = courriel.expediteur().isBlank() ? Optional.empty()
                : transactions.inScope(Scope.nationalReadOnly(), () -> utilisateurs.utilisateurParCourriel(courriel.expediteur()));
        if (auteur.isEmpty() || !demandes.peutCommenter(ticket.id(), auteur.get())) {
            refuser(ticket, courriel, ticket.statut() == fr.sne.community.assistance.StatutTicket.TERMINE && auteur.isPresent()
                    ? "La demande %s est terminée : elle ne reçoit plus de réponses. Pour un nouveau problème, créez une nouvelle demande sur SNE Communautés en citant la référence %s."
                    .formatted(ticket.cle(), ticket.cle())
                    : "Seuls le demandeur, les participants de la demande et l'assistance nationale peuvent y répondre par courriel, "
                    + "depuis l'adresse électronique de leur compte SNE. Si vous êtes concerné, demandez au demandeur de vous ajouter "
                    + "comme participant, puis répondez de nouveau.");
            return;
        }
        String texte = texte(courriel);
        if (texte.isBlank() && courriel.piecesJointes().isEmpty()) {
            refuser(ticket, courriel, "Votre message était vide : rien n'a été ajouté à la demande %s. Écrivez votre réponse au-dessus du message cité."
                    .formatted(ticket.cle()));
            return;
        }
        if (texte.isBlank()) {
            texte = "(Pièces jointes envoyées par courriel.)";
        }
        Commentaire commentaire;
        try {
            commentaire = demandes.commenter(ticket.id(), auteur.get(), texte, true, courriel.messageId());
        } catch (Refus r) {
            // closed or the participant removed in the meantime
            refuser(ticket, courriel, r.getMessage());
            return;
        }
        for (Courriel.PieceJointe pj : courriel.piecesJointes()) {
            attacher(commentaire, pj);
        }
    }

    private void attacher(Commentaire commentaire, Courriel.PieceJointe pj) {
        Path fichier = null;
        try {
            fichier = Files.createTempFile("assistance-courriel-", ".bin");
            Files.write(fichier, pj.contenu());
            if (!demandes.ajouterPieceCourriel(commentaire.id(), pj.nom() == null ? "piece-jointe" : pj.nom(), fichier)) {
                LOG.info("Pièce jointe « {} » d'une réponse par courriel refusée (format ou taille)", pj.nom());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (fichier != null) {
                try {
                    Files.deleteIfExists(fichier);
                } catch (IOException ignored) {
                    // a temporary file: the system cleans it
                }
            }
        }
    }

    /** The reply without the quoted notification (and without our "reply above" line when the client did not quote it). */
    static String texte(CourrielEntrant courriel) {
        String r = courriel.reponse();
        int ligne = r.indexOf(NotificationsAssistance.LIGNE_REPONSE);
        return (ligne >= 0 ? r.substring(0, ligne) : r).strip();
    }

    private void refuser(Ticket ticket, CourrielEntrant courriel, String motif) {
        if (courriel.expediteur().isBlank()) {
            return;
        }
        String texte = """
                Bonjour,

                Nous avons bien reçu votre message « %s », mais il n'a pas été ajouté à la demande d'assistance %s.

                %s

                Ce message est envoyé automatiquement.
                """.formatted(courriel.objet(), ticket.cle(), motif);
        notifications.refuser(ticket, courriel.expediteur(), courriel.messageId(),
                "[" + ticket.cle() + "] Votre message n'a pas été ajouté à la demande", texte);
    }

    private Optional<Ticket> ticket(CourrielEntrant courriel) {
        Optional<Long> parFil = transactions.inScope(Scope.nationalReadOnly(), () -> file.ticketDe(courriel.repondA()));
        if (parFil.isPresent()) {
            return demandes.parId(parFil.get());
        }
        return DemandesAssistance.cleDans(courriel.objet()).flatMap(demandes::parCle);
    }
}

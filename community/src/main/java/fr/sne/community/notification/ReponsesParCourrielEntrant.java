package fr.sne.community.notification;

import fr.sne.community.forum.ReponsesParCourriel;
import fr.sne.tenants.courriel.CourrielEntrant;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.TraitementCourrielEntrant;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

/**
 * Replies to notification mails: a mail answering one of our Message-IDs goes to the forums as a
 * reply to that topic, by the member the notification was sent to. Sent from any other address:
 * a polite refusal, nothing posted. Refused by the forums (topic locked, space no longer visible):
 * a polite mail saying why. Idempotent: the forums ignore a Message-ID already posted.
 */
@Singleton
class ReponsesParCourrielEntrant implements TraitementCourrielEntrant {

    private static final Logger LOG = LoggerFactory.getLogger(ReponsesParCourrielEntrant.class);

    private final TenantTransactions transactions;
    private final NotificationRepository repository;
    private final ReponsesParCourriel forums;
    private final RedactionCourriels redaction;
    private final Courriels courriels;

    ReponsesParCourrielEntrant(TenantTransactions transactions, NotificationRepository repository, ReponsesParCourriel forums,
                               RedactionCourriels redaction, Courriels courriels) {
        this.transactions = transactions;
        this.repository = repository;
        this.forums = forums;
        this.redaction = redaction;
        this.courriels = courriels;
    }

    @Override
    public boolean concerne(CourrielEntrant courriel) {
        return notification(courriel).isPresent();
    }

    @Override
    public void traiter(CourrielEntrant courriel) {
        Optional<NotificationRepository.MessageNotification> origine = notification(courriel);
        if (origine.isEmpty()) {
            return;
        }
        NotificationRepository.MessageNotification m = origine.get();
        Optional<String> destinataire = transactions.withoutScope(() -> repository.email(m.utilisateurId()));
        boolean memePersonne = destinataire.map(e -> e.toLowerCase(Locale.ROOT).equals(courriel.expediteur())).orElse(false);
        if (!memePersonne) {
            LOG.info("Réponse par courriel refusée : l'expéditeur n'est pas le destinataire de la notification {}", m.messageId());
            repondre(courriel, "seul le membre à qui la notification a été adressée peut y répondre par courriel,"
                    + " depuis l’adresse à laquelle il l’a reçue.");
            return;
        }
        String texte = courriel.reponse();
        if (texte.isBlank()) {
            repondre(courriel, "votre message ne contient pas de texte au-dessus du message cité.");
            return;
        }
        ReponsesParCourriel.Issue issue = forums.repondre(m.sujetId(), m.utilisateurId(), texte, courriel.messageId());
        if (issue instanceof ReponsesParCourriel.Issue.Refusee refus) {
            repondre(courriel, refus.motif());
        }
    }

    private Optional<NotificationRepository.MessageNotification> notification(CourrielEntrant courriel) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> repository.message(courriel.repondA()));
    }

    private void repondre(CourrielEntrant courriel, String motif) {
        if (courriel.expediteur().isBlank()) {
            return;
        }
        courriels.envoyer(redaction.refus(courriel.expediteur(), courriel.objet(), courriel.messageId(), motif));
    }
}

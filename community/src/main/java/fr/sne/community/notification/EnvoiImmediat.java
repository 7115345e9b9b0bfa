package fr.sne.community.notification;

import fr.sne.tenants.courriel.Courriel;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.courriel.Courriels;
import fr.sne.tenants.courriel.IssueEnvoi;
import fr.sne.tenants.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the immediate mails (mentions, important news), each in its own transaction holding the
 * notification's row: sent (or refused for good by the server) and marked together; a failure
 * leaves it for the next run. A mail about a topic records its Message-ID for replies by mail.
 */
@Singleton
public class EnvoiImmediat {

    private static final Logger LOG = LoggerFactory.getLogger(EnvoiImmediat.class);

    private final TenantTransactions transactions;
    private final NotificationRepository repository;
    private final RedactionCourriels redaction;
    private final Courriels courriels;
    private final Clock clock;

    EnvoiImmediat(TenantTransactions transactions, NotificationRepository repository, RedactionCourriels redaction,
                  Courriels courriels, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.redaction = redaction;
        this.courriels = courriels;
        this.clock = clock;
    }

    /** Sends every due immediate mail; returns how many were sent. */
    public int envoyer() {
        Set<Long> echecs = new HashSet<>();
        int envoyes = 0;
        while (true) {
            Optional<Boolean> issue = transactions.inScope(Scope.nationalEcriture(), () -> repository.reclamerImmediate(echecs).map(n -> {
                Optional<String> email = repository.email(n.utilisateurId());
                if (email.isEmpty()) {
                    repository.marquerEnvoyee(n.id(), clock.instant());
                    return false;
                }
                String messageId = null;
                if (n.sujetId() != null && redaction.reponsesActivees()) {
                    messageId = redaction.nouveauMessageId();
                    repository.enregistrerMessage(new NotificationRepository.MessageNotification(messageId, n.utilisateurId(), n.sujetId(), n.espaceId()));
                }
                Courriel courriel = redaction.immediat(email.get(), n, messageId);
                IssueEnvoi resultat = courriels.envoyer(courriel);
                if (resultat instanceof IssueEnvoi.Echec echec) {
                    LOG.warn("Notification {} : courriel non envoyé, nouvel essai au prochain passage ({})", n.id(), echec);
                    echecs.add(n.id());
                    return false;
                }
                repository.marquerEnvoyee(n.id(), clock.instant());
                return resultat instanceof IssueEnvoi.Envoye;
            }));
            if (issue.isEmpty()) {
                return envoyes;
            }
            if (issue.get()) {
                envoyes++;
            }
        }
    }
}

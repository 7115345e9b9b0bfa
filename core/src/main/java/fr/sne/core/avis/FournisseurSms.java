package fr.sne.core.avis;

import fr.sne.tenants.courriel.IssueEnvoi;

/**
 * An SMS operator. The caller gives every message an idempotency key: the operator accepts a
 * repeated key without sending again (and answers as for the first time), so a message whose
 * outcome was lost — a node dying after the call — can be retried safely.
 * <p>
 * Outcomes as for mails: {@link IssueEnvoi.Envoye} (with the operator's message id),
 * {@link IssueEnvoi.Refuse} (the number is refused for good), {@link IssueEnvoi.Echec} (worth
 * retrying later).
 */
public interface FournisseurSms {

    IssueEnvoi envoyer(Sms sms);

    /**
     * @param cleIdempotence the same for every attempt of one message, unique otherwise
     * @param territoire     the territory the message is sent for
     * @param destinataire   a mobile number
     */
    record Sms(String cleIdempotence, String territoire, String destinataire, String texte) {
    }
}

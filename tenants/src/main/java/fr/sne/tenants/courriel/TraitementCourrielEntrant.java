package fr.sne.tenants.courriel;

/**
 * A feature that takes replies by mail (forum topics, support tickets). The {@link BoiteReception}
 * offers each inbound mail to every bean in turn; the first that recognises it handles it.
 * Handlers recognise their mails by the notification they answer ({@link CourrielEntrant#repondA()},
 * the Message-IDs the feature gave its mails) or by a key in the subject.
 */
public interface TraitementCourrielEntrant {

    /** Whether this mail answers one of this feature's mails. */
    boolean concerne(CourrielEntrant courriel);

    /**
     * Handles the mail: adds the reply, or answers the sender with a polite refusal when they may
     * not reply (checked against the person the notification was sent to). Must be idempotent on
     * {@link CourrielEntrant#messageId()}: a crash before the mailbox is cleaned delivers it again.
     * Throwing leaves the mail in the mailbox for the next poll.
     */
    void traiter(CourrielEntrant courriel);
}

package fr.sne.community.forum;

/**
 * How a reply received by mail becomes a post: the subscriptions' mail handler has matched the
 * mail to the notification it answers (so to a topic and to the member it was sent to, who must
 * be the sender); the forums decide the rest (the member still sees the space, the topic is open,
 * approval rules) exactly as for a reply typed in the portal.
 */
public interface ReponsesParCourriel {

    /** How it ended. */
    sealed interface Issue {
        /** The reply is posted (or waits for approval); {@code url} leads to it. */
        record Publiee(long messageId, String url) implements Issue {
        }

        /** This mail was already posted (same Message-ID): nothing done. */
        record DejaRecue(String url) implements Issue {
        }

        /** Not posted; {@code motif} says why, in French, for the polite answer to the sender. */
        record Refusee(String motif) implements Issue {
        }
    }

    /**
     * Posts {@code texte} (plain text from the mail, treated as Markdown) as {@code utilisateurId}'s
     * reply to the topic; idempotent on {@code messageIdCourriel}.
     */
    Issue repondre(long sujetId, long utilisateurId, String texte, String messageIdCourriel);
}

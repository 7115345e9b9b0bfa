package fr.sne.community.assistance;

import java.time.Instant;

/**
 * A comment on a ticket: a public reply, or an internal note (agents only).
 *
 * @param messageIdCourriel the Message-ID of the mail it came from, or null
 */
public record Commentaire(long id, long ticketId, long auteurId, String auteurNom, boolean auteurAgent,
                          String corpsMarkdown, boolean publique, String messageIdCourriel, Instant creeLe) {
}

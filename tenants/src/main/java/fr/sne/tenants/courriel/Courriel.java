package fr.sne.tenants.courriel;

import java.util.List;
import java.util.Map;

/**
 * A mail to send: plain French text, attachments, and optionally the {@code Message-ID} to give
 * it (so that a later bounce notification or a reply, which quote it, can be traced back to its
 * source) and extra headers ({@code Reply-To}, {@code In-Reply-To}, {@code References},
 * {@code List-Unsubscribe}, {@code Auto-Submitted}...).
 */
public record Courriel(String destinataire, String objet, String texte, List<PieceJointe> piecesJointes, String messageId,
                       Map<String, String> entetes) {

    public Courriel {
        piecesJointes = List.copyOf(piecesJointes);
        entetes = Map.copyOf(entetes);
    }

    public Courriel(String destinataire, String objet, String texte, List<PieceJointe> piecesJointes, String messageId) {
        this(destinataire, objet, texte, piecesJointes, messageId, Map.of());
    }

    /** An attached file. */
    public record PieceJointe(String nom, String typeMime, byte[] contenu) {
    }
}

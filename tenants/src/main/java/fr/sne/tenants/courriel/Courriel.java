package fr.sne.tenants.courriel;

import java.util.List;

/**
 * A mail to send: plain French text, attachments, and optionally the {@code Message-ID} to give
 * it (so that a later bounce notification, which quotes it, can be traced back to its source).
 */
public record Courriel(String destinataire, String objet, String texte, List<PieceJointe> piecesJointes, String messageId) {

    public Courriel {
        piecesJointes = List.copyOf(piecesJointes);
    }

    /** An attached file. */
    public record PieceJointe(String nom, String typeMime, byte[] contenu) {
    }
}

package fr.sne.core.piece;

import io.micronaut.core.annotation.Nullable;

/**
 * A document of the list, with what opening it would give this reader: the version served by
 * default, or why it cannot be opened (French, for the page).
 */
public record PieceListee(PieceJustificative piece, @Nullable VersionPiece ouverture, @Nullable String refus) {
}

package fr.sne.core.piece;

/** Published once a deposited document's row is committed: its analysis may start. */
public record PieceDeposee(String territoire, long id) {
}

package fr.sne.core.piece;

import fr.sne.core.cycle.ObjetsDemande;
import jakarta.inject.Singleton;

import java.util.List;

/** The objects of an application's documents (originals and derivatives), deleted with it at the purge. */
@Singleton
class PiecesDeLaDemande implements ObjetsDemande {

    private final PieceRepository pieces;

    PiecesDeLaDemande(PieceRepository pieces) {
        this.pieces = pieces;
    }

    @Override
    public List<String> cles(String territoire, String numero) {
        return pieces.clesDemande(territoire, numero);
    }
}

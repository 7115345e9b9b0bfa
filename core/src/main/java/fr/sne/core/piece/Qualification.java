package fr.sne.core.piece;

import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.IndicePertinence;
import fr.sne.documents.catalogue.TypePiece;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What a desk states about a document: the whole new description (a field left null is cleared,
 * except the relevance index, which is required).
 */
public record Qualification(@Nullable TypePiece type, @Nullable CategoriePiece categorie, @Nullable LocalDate finValidite,
                            IndicePertinence indicePertinence, @Nullable String commentaire, List<SousDocument> sousDocuments) {
    public Qualification {
        sousDocuments = sousDocuments == null ? List.of() : List.copyOf(sousDocuments);
    }

    /** The current description of a document, to start a change from. */
    public static Qualification de(PieceJustificative p) {
        return new Qualification(p.type(), p.categorie(), p.finValidite(),
                p.indicePertinence() == null ? IndicePertinence.NON_VERIFIE : p.indicePertinence(), p.commentaire(),
                p.sousDocuments());
    }
}

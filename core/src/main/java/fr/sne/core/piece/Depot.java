package fr.sne.core.piece;

import fr.sne.documents.catalogue.CategoriePiece;
import fr.sne.documents.catalogue.TypePiece;
import io.micronaut.core.annotation.Nullable;

import java.io.InputStream;
import java.time.LocalDate;

/**
 * A document being deposited: its bytes as a stream (read once, never held in memory) and what the
 * depositor says of it. Type and category are optional (the analysis suggests a type); the category
 * follows the type when only the type is given.
 */
public record Depot(InputStream contenu, String nomFichier, @Nullable TypePiece type, @Nullable CategoriePiece categorie,
                    @Nullable LocalDate finValidite) {
}

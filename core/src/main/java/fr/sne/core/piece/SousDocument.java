package fr.sne.core.piece;

import io.micronaut.serde.annotation.Serdeable;

/** A sub-document by page range: "pages 1–2 = avis d'imposition 2022". */
@Serdeable
public record SousDocument(int de, int a, String libelle) {
}

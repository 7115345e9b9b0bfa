package fr.sne.core.piece;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A sub-document by page range: "pages 1–2 = avis d'imposition 2022". */
@Serdeable
@Schema(name = "SousDocument", description = "Sous-document décrit par ses pages")
public record SousDocument(@Schema(description = "Première page (1 au moins)") int de,
                           @Schema(description = "Dernière page") int a,
                           @Schema(description = "Libellé", example = "Avis d'imposition 2022") String libelle) {
}

package fr.sne.core.gdm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of the feed: the movements, oldest first, and where the next page starts (null at the end). */
@Serdeable
public record PageMouvements(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Mouvement> mouvements,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
        @Schema(description = "À repasser tel quel dans « curseur » (avec les mêmes depuis et communes) pour la page suivante ; "
                + "null quand la fenêtre est entièrement lue", nullable = true)
        String curseurSuivant) {

    public PageMouvements {
        mouvements = List.copyOf(mouvements);
    }
}

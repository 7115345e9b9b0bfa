package fr.sne.core.gdm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One movement of the feed, as the contract has it. */
@Serdeable
@Schema(description = "Un mouvement : une modification validée d'une demande du territoire")
public record Mouvement(
        @Schema(description = "Identifiant du mouvement, stable : le même mouvement garde son id d'une fenêtre à l'autre ; "
                + "à utiliser pour dédoublonner", example = "1234567") long id,
        @Schema(description = "Date et heure d'enregistrement du mouvement (ISO-8601, UTC)", example = "2025-03-14T14:41:07.123456Z")
        Instant horodatage,
        @Schema(description = "Numéro unique de la demande", example = "038032500012338001") String numeroUnique,
        @Schema(description = "Nature du mouvement", allowableValues = {"CRE", "CRS", "MOD", "REN", "RAD", "DERAD", "EVT", "PJ"},
                example = "MOD") String type,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Parties de la demande concernées (vide si la demande entière)", example = "[\"demandeur\"]")
        List<String> parties) {

    public Mouvement {
        parties = List.copyOf(parties);
    }
}

package fr.sne.core.demande;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/** The application as the vendors' API v1.0 exchanges it (French camelCase field names of interfaceNuu). */
public final class DemandeJson {

    private DemandeJson() {
    }

    @Serdeable
    public record Adresse(@Nullable String numero, @Nullable String voie, @Nullable String codePostal,
                          @Nullable String communeInsee) {
    }

    @Serdeable
    public record Demandeur(@Nullable String civilite, @Nullable String nomNaissance, @Nullable String nomUsage,
                            @Nullable String prenoms, @Nullable LocalDate dateNaissance, @Nullable String nationalite,
                            @Nullable String mel, @Nullable String telPortable, @Nullable Adresse adresse) {
    }

    @Serdeable
    public record LogementRecherche(@Nullable List<String> typesLogement, @Nullable List<String> communesSouhaitees) {
    }

    /** A creation request; {@code confirmationNonDoublon} overrides the duplicate check, with a reason. */
    @Serdeable
    public record Creation(@Nullable Demandeur demandeur, @Nullable LogementRecherche logementRecherche,
                           @Nullable String confirmationNonDoublon) {
    }

    /** The stored CERFA content (what the document column holds). */
    @Serdeable
    public record Contenu(Demandeur demandeur, LogementRecherche logementRecherche) {
    }

    @Serdeable
    public record Demande(String numeroUnique, String territoire, String etat, LocalDate dateDepot,
                          @Nullable LocalDate dateDernierRenouvellement, LocalDate dateProchainRenouvellement,
                          String guichetEnregistreur, int version, Demandeur demandeur, LogementRecherche logementRecherche) {
    }
}

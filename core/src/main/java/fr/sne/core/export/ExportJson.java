package fr.sne.core.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The API's view of an export (contract v1.0 plus progress and dates). */
@Serdeable
record ExportJson(String id, String statut, List<String> entites, @Nullable Integer nombreDemandes, int demandesTraitees,
                  @Nullable Long taille, Instant creeLe, @Nullable Instant debuteLe, @Nullable Instant termineLe,
                  @Nullable Instant expireLe, @Nullable String fichier) {

    static ExportJson de(Export e) {
        return new ExportJson(e.id().toString(), e.statut().name(), e.entites().stream().map(Enum::name).toList(),
                e.nombreDemandes(), e.demandesTraitees(), e.taille(), e.creeLe(), e.debuteLe(), e.termineLe(), e.expireLe(),
                e.statut() == Export.Statut.TERMINE ? "/api/v1.0/exports/" + e.id() + "/fichier" : null);
    }

    /** The 202's body. */
    @Serdeable
    record Accepte(String id, String statut) {
    }
}

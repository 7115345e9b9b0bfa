package fr.sne.core.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of {@code POST /api/v1.0/exports}, as received (checked by {@link ValidationExport}). */
@Serdeable
record DemandeExport(@Nullable List<String> entites, @Nullable Integer profondeurDrm, @Nullable String etat,
                     @Nullable List<String> departements, @Nullable List<String> communes) {
}

package fr.sne.core.doublon;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * An active application of the territory that may be the same person's, with how alike it is.
 *
 * @param score  0 to 100: 100 when birth name, first names and birth date are the same once case,
 *               accents, hyphens and spaces are ignored
 * @param ecarts what differs, in French, for the person who decides (empty when identical)
 */
@Serdeable
public record Candidat(String numeroUnique, String nomNaissance, @Nullable String nomUsage, String prenoms,
                       LocalDate dateNaissance, LocalDate dateDepot, String guichetEnregistreur, int score,
                       List<String> ecarts) {

    public Candidat {
        ecarts = List.copyOf(ecarts);
    }
}

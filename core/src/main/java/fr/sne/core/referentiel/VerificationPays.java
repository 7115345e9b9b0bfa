package fr.sne.core.referentiel;

import io.micronaut.serde.annotation.Serdeable;

/** The contract's answer to a country check. */
@Serdeable
public record VerificationPays(boolean valide, String libelle, String codeInsee, String suggestion) {

    static VerificationPays refuse(String suggestion) {
        return new VerificationPays(false, null, null, suggestion);
    }
}

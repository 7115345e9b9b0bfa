package fr.sne.core.referentiel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NirTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "1 85 07 75 123 456 08|VALIDE",
            "185077512345608|VALIDE",
            "2.69.02.99.341.732.85|VALIDE",
            "1 55 05 2A 123 456 48|VALIDE",
            "2 55 05 2b 123 456 25|VALIDE",
            "7 85 07 99 123 456 30|TEMPORAIRE",
            "1 85 07 75 123 456 09|CLE_INVALIDE",
            "1 55 05 2A 123 456 49|CLE_INVALIDE",
            "5 85 07 75 123 456 08|FORMAT_INVALIDE",
            "1 85 13 75 123 456 08|FORMAT_INVALIDE",
            "1 85 07 2C 123 456 08|FORMAT_INVALIDE",
            "1850775123456|FORMAT_INVALIDE",
            "-|FORMAT_INVALIDE"})
    void verdicts(String saisie, Nir.Verdict verdict) {
        assertEquals(verdict, Nir.verifier(saisie));
    }
}

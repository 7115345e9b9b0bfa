package fr.sne.tenants.guichet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SiretTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // DINUM (public SIRET), Luhn-valid
            "13002526500013, true",
            "13002526500014, false",
            // valid SIREN, establishment key wrong
            "73282932000074, true",
            "73282932000075, false",
            // La Poste: headquarters, and establishments whose digit sum is a multiple of 5
            "35600000000048, true",
            "35600000049837, true",
            "35600000049838, false",
            "1300252650001, false",
            "1300252650001a, false"})
    void siret(String siret, boolean valid) {
        assertEquals(valid, Siret.siretValide(siret));
    }

    @ParameterizedTest
    @CsvSource({"130025265, true", "130025266, false", "732829320, true", "35600000, false"})
    void siren(String siren, boolean valid) {
        assertEquals(valid, Siret.sirenValide(siren));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"130 025 265 00013|13002526500013", "130.025.265.00013|13002526500013", "13002526500|"})
    void normalisation(String input, String expected) {
        assertEquals(Optional.ofNullable(expected), Siret.normaliser(input));
    }
}

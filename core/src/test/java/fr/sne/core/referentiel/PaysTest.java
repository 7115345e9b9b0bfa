package fr.sne.core.referentiel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The country check against the real COG data shipped with the product. */
class PaysTest {

    private final Pays pays = new Pays();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Allemagne|99109|Allemagne",
            "ALLEMAGNE|99109|Allemagne",
            "république fédérale d'allemagne|99109|Allemagne",
            "Republique Federale d’Allemagne|99109|Allemagne",
            "royaume-uni|99132|Royaume-Uni",
            "Royaume Uni|99132|Royaume-Uni",
            "Guyana|99428|Guyana",
            "les Pays-Bas|99135|Pays-Bas",
            "Côte d'Ivoire|99326|Côte d’Ivoire"})
    void validForeignCountries(String saisie, String code, String libelle) {
        VerificationPays v = pays.verifier(saisie);
        assertEquals(new VerificationPays(true, libelle, code, null), v);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"France", "FRANCE", "République française", "Guadeloupe", "La Réunion",
            "Réunion", "guyane", "Mayotte", "Nouvelle-Calédonie", "Polynésie française", "Saint-Pierre-et-Miquelon",
            "Saint-Martin", "Wallis-et-Futuna", "Saint-Barthélemy", "Frances"})
    void franceAndOverseasAreNotForeignCountries(String saisie) {
        assertEquals(new VerificationPays(false, null, null, null), pays.verifier(saisie));
    }

    @ParameterizedTest(name = "{0} → suggestion {1}")
    @CsvSource(delimiter = '|', value = {"Allemagn|Allemagne", "Allemangne|Allemagne", "Portugual|Portugal",
            "Royaume-Unis|Royaume-Uni", "Tunnisie|Tunisie"})
    void nearMissesGetASuggestionButAreNotValid(String saisie, String suggestion) {
        VerificationPays v = pays.verifier(saisie);
        assertEquals(false, v.valide());
        assertEquals(suggestion, v.suggestion());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"place de l'église", "12 rue de la Paix", "Avenue Jean Jaurès", "Lieu-dit Les Granges",
            "BP 45", "-", "Xyzzyland"})
    void addressesAndNonsenseAreRefusedWithoutSuggestion(String saisie) {
        assertEquals(new VerificationPays(false, null, null, null), pays.verifier(saisie));
    }

    @Test
    void theWholeCogIsLoaded() {
        // every current country of the 2025 COG but France is a foreign country
        assertTrue(pays.verifier("Japon").valide());
        assertTrue(pays.verifier("Hong Kong").valide(), "territories with their own code count as well");
        assertEquals("99216", pays.verifier("Chine").codeInsee());
    }
}

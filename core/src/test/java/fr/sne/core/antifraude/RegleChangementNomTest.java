package fr.sne.core.antifraude;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The edge cases of "minor": what a desk may change at once, and what waits for validation. */
class RegleChangementNomTest {

    @ParameterizedTest(name = "«{0}» → «{1}»: minor {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // same letters: case, accents, hyphens, spaces, apostrophes, ligatures
            "Dupont            | DUPONT             | true",
            "Lefèvre-Martin    | LEFEVRE MARTIN     | true",
            "N'Diaye           | NDIAYE             | true",
            "Jean Pierre       | jean-pierre        | true",
            "Cœur              | COEUR              | true",
            "Dupont            | Dupont             | true",
            // one or two letters, whatever the operation
            "Dupont            | Dupond             | true",
            "Dupont            | Dupontt            | true",
            "Dupont            | Dupon              | true",
            "Dupont            | Dupuond            | true",
            "Martin            | Martinez           | true",
            "Martin            | Maritn             | true",
            "Lefèvre-Martin    | Lefebre Martine    | true",
            // three letters or more: major
            "Dupont            | Durand             | false",
            "Martin            | Martinezz          | false",
            "Dupont            | Duprand            | false",
            "Bernard           | Bertrand           | false",
            "Jean              | Jean Marie         | false",
            "Jean Pierre       | Pierre Jean        | false",
            // short names: at most a third of their letters, rounded up (1 letter up to 3 letters)
            "Li                | Ly                 | true",
            "Li                | Wu                 | false",
            "Roy               | Roi                | true",
            "Roy               | Rey                | true",
            "Roy               | Raye               | false",
            "Dias              | Diaz               | true",
            "Dias              | Ruas               | true",
            "Dias              | Ruiz               | false",
            // completed, not changed; erased: never minor
            "NULL              | Dupont             | true",
            "''                | Dupont             | true",
            "---               | Dupont             | true",
            "Dupont            | NULL               | false",
            "Dupont            | ' - '              | false",
            "NULL              | NULL               | true"})
    void minor(String avant, String apres, boolean mineur) {
        assertEquals(mineur, RegleChangementNom.mineur(avant, apres));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({"dupont, dupond, 1", "martin, maritn, 2", "martin, martinez, 2", "abc, '', 3", "'', abc, 3", "kitten, sitting, 3"})
    void distanceCountsEveryLetterAddedRemovedOrReplaced(String a, String b, int ecarts) {
        assertEquals(ecarts, RegleChangementNom.ecarts(a, b));
    }

    @ParameterizedTest(name = "{0} letters: {1}")
    @CsvSource({"1, 1", "2, 1", "3, 1", "4, 2", "5, 2", "6, 2", "12, 2"})
    void allowedDifferencesGrowWithTheNameUpToTwo(int lettres, int permis) {
        assertEquals(permis, RegleChangementNom.ecartsPermis("x".repeat(lettres)));
    }
}

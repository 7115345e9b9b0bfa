package fr.sne.core.doublon;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The name and date rules of the duplicate finder, without a database. */
class SimilariteTest {

    @Test
    void caseAccentsHyphensAndSpacesDoNotMatter() {
        assertEquals(1.0, Similarite.nom("LEFEVRE MARTIN", "Lefèvre-Martin", null).valeur());
        assertEquals(1.0, Similarite.prenoms("anne-marie", "Anne Marie").valeur());
    }

    @Test
    void firstNamesInAnotherOrderAreAlmostTheSame() {
        Similarite.Mesure m = Similarite.prenoms("Marie Anne", "Anne-Marie");
        assertEquals(0.97, m.valeur());
        assertEquals("prénoms dans un autre ordre", m.ecart());
    }

    @Test
    void typosAreCloseAndOtherNamesAreNot() {
        assertTrue(Similarite.nom("Lefevre-Martn", "Lefèvre-Martin", null).valeur() > 0.9);
        assertTrue(Similarite.nom("Dupond", "Dupont", null).valeur() >= 0.8);
        assertTrue(Similarite.nom("Durand", "Dupont", null).valeur() < 0.75);
        assertEquals(1, Similarite.distance("martin", "mratin"), "a swap of neighbours is one slip");
        assertTrue(Similarite.nom("Martin", "Lefèvre-Martin", null).valeur() >= 0.85, "compound name given in part");
        assertEquals(0.95, Similarite.nom("Durand", "Lefèvre", "Durand").valeur(), "usage name typed as birth name");
    }

    @Test
    void birthDateSlipsAreListedWithTheClosestRelation() {
        Map<LocalDate, DatesVoisines.Ecart> dates = DatesVoisines.de(LocalDate.of(1985, 6, 11), LocalDate.of(2026, 1, 1));
        assertEquals(DatesVoisines.Ecart.IDENTIQUE, dates.get(LocalDate.of(1985, 6, 11)));
        assertEquals(DatesVoisines.Ecart.JOUR_MOIS_INVERSES, dates.get(LocalDate.of(1985, 11, 6)));
        assertEquals(DatesVoisines.Ecart.UN_CHIFFRE, dates.get(LocalDate.of(1985, 6, 12)));
        assertEquals(DatesVoisines.Ecart.CHIFFRES_INVERSES, dates.get(LocalDate.of(1958, 6, 11)));
        assertFalse(dates.containsKey(LocalDate.of(1986, 7, 11)), "two digits changed is not a slip");
        assertTrue(dates.size() < 80, "a few dozen index probes: " + dates.size());
        assertTrue(dates.keySet().stream().noneMatch(d -> d.isAfter(LocalDate.of(2026, 1, 1))), "no future date");
    }
}

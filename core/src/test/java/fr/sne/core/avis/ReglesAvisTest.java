package fr.sne.core.avis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReglesAvisTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 3, 12);

    @Test
    void theFirstNoticeIsDueWithinTwoMonthsAndTheLastWithinOneMonth() {
        assertTrue(ReglesAvis.premierAvisDu(LocalDate.of(2026, 5, 12), AUJOURDHUI), "exactly two months ahead");
        assertFalse(ReglesAvis.premierAvisDu(LocalDate.of(2026, 5, 13), AUJOURDHUI), "a day too early");
        assertTrue(ReglesAvis.premierAvisDu(LocalDate.of(2026, 3, 13), AUJOURDHUI), "late planning catches up");
        assertFalse(ReglesAvis.premierAvisDu(AUJOURDHUI, AUJOURDHUI), "the deadline has come: radiation's business");

        assertTrue(ReglesAvis.dernierAvisDu(LocalDate.of(2026, 4, 12), AUJOURDHUI));
        assertFalse(ReglesAvis.dernierAvisDu(LocalDate.of(2026, 4, 13), AUJOURDHUI));
        assertFalse(ReglesAvis.dernierAvisDu(LocalDate.of(2026, 3, 11), AUJOURDHUI));
    }

    @Test
    void anApplicantWithAPortalAccountAndADigitalContactIsWarnedByEmailAndSms() {
        assertEquals(Set.of(Canal.COURRIEL, Canal.SMS), ReglesAvis.canauxPremierAvis(true, "jean@example.org", "06 06 06 06 06"));
        assertEquals(Set.of(Canal.COURRIEL), ReglesAvis.canauxPremierAvis(true, "jean@example.org", "04 76 00 00 00"),
                "a landline gets no SMS");
        assertEquals(Set.of(Canal.SMS), ReglesAvis.canauxPremierAvis(true, " ", "+33 7 12 34 56 78"));
    }

    @Test
    void withoutThePortalOrADigitalContactTheNoticeGoesByPost() {
        assertEquals(Set.of(Canal.COURRIER), ReglesAvis.canauxPremierAvis(false, "jean@example.org", "0606060606"),
                "never used the online services");
        assertEquals(Set.of(Canal.COURRIER), ReglesAvis.canauxPremierAvis(true, null, "0476000000"));
        assertEquals(Set.of(Canal.COURRIER), ReglesAvis.canauxPremierAvis(true, "pas une adresse", null));
    }

    @Test
    void mobileNumbersAreRecognisedWhateverTheirSeparators() {
        assertEquals("0612345678", ReglesAvis.mobile("06.12.34.56.78"));
        assertEquals("+33712345678", ReglesAvis.mobile("+33 (7) 12 34 56 78"));
        assertEquals("0690123456", ReglesAvis.mobile("0690 12 34 56"), "Guadeloupe");
        assertEquals("+262692123456", ReglesAvis.mobile("+262 692 12 34 56"), "La Réunion");
        assertNull(ReglesAvis.mobile("0476000000"));
        assertNull(ReglesAvis.mobile("06123"));
        assertNull(ReglesAvis.mobile(null));
    }

    @Test
    void lettersOfThePortalsApplicationsGoToTheTerritorysBatch() {
        assertEquals("38001", ReglesAvis.guichetCourrier("38001", "GDPUB"));
        assertNull(ReglesAvis.guichetCourrier("GDPUB", "GDPUB"));
    }

    @Test
    void retriesWaitLongerEachTime() {
        assertEquals(Duration.ofMinutes(5), ReglesAvis.delai(1));
        assertEquals(Duration.ofMinutes(20), ReglesAvis.delai(2));
        assertEquals(Duration.ofMinutes(320), ReglesAvis.delai(4));
    }
}

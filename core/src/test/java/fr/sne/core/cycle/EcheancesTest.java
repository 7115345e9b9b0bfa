package fr.sne.core.cycle;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendar of an application's life. */
class EcheancesTest {

    private static final LocalDate ECHEANCE = LocalDate.of(2026, 6, 15);

    @Test
    void anApplicationIsValidUntilItsDeadlineIncluded() {
        assertEquals(LocalDate.of(2027, 6, 15), Echeances.prochaine(ECHEANCE));
        assertEquals(LocalDate.of(2025, 2, 28), Echeances.prochaine(LocalDate.of(2024, 2, 29)));
        assertFalse(Echeances.depassee(ECHEANCE, ECHEANCE));
        assertTrue(Echeances.depassee(ECHEANCE, ECHEANCE.plusDays(1)));
    }

    @Test
    void theApplicantRenewsOnlineFromThreeMonthsBeforeTheDeadline() {
        assertEquals(LocalDate.of(2026, 3, 15), Echeances.ouvertureDemandeur(ECHEANCE));
        assertFalse(Echeances.ouverteAuDemandeur(ECHEANCE, LocalDate.of(2026, 3, 14)));
        assertTrue(Echeances.ouverteAuDemandeur(ECHEANCE, LocalDate.of(2026, 3, 15)));
        assertTrue(Echeances.ouverteAuDemandeur(ECHEANCE, ECHEANCE.plusMonths(2)));
    }

    @Test
    void aRadrenIsReactivableUntilEighteenMonthsAfterTheMissedDeadline() {
        assertEquals(LocalDate.of(2027, 12, 15), Echeances.finReactivation(ECHEANCE));
        assertTrue(Echeances.reactivable(ECHEANCE, LocalDate.of(2027, 12, 15)));
        assertFalse(Echeances.reactivable(ECHEANCE, LocalDate.of(2027, 12, 16)));
    }

    @Test
    void radiatedDataAreKeptAYearAndARadrenUntilItsReactivationWindowHasClosed() {
        LocalDate radiee = LocalDate.of(2026, 3, 1);
        assertEquals(LocalDate.of(2027, 3, 1), Echeances.purge(MotifRadiation.RADATT, radiee, ECHEANCE));
        // radiated late (the job was down): still a year after the radiation
        assertEquals(LocalDate.of(2028, 1, 10), Echeances.purge(MotifRadiation.RADREN, LocalDate.of(2027, 1, 10), ECHEANCE));
        assertEquals(LocalDate.of(2027, 12, 16), Echeances.purge(MotifRadiation.RADREN, ECHEANCE.plusDays(1), ECHEANCE));
    }

    @Test
    void aDeradiatedApplicationHasAtLeastAMonthToBeRenewed() {
        LocalDate aujourdhui = LocalDate.of(2026, 7, 1);
        assertEquals(LocalDate.of(2026, 8, 1), Echeances.apresDeradiation(ECHEANCE, aujourdhui));
        assertEquals(LocalDate.of(2026, 12, 1), Echeances.apresDeradiation(LocalDate.of(2026, 12, 1), aujourdhui));
    }
}

package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derived indicators' rules, as the page shows them and the search filters on them. */
class IndicateursDerivesTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 22);

    private static Evenement evt(String code, String date, boolean supprime) {
        return new Evenement(1, "038", "n", code, "GUICHET", LocalDate.parse(date), null, "38001", "ACTIS", false, Instant.now(),
                supprime ? Instant.now() : null);
    }

    @Test
    void abnormallyLongDelayIsReachedOrWithinThreeMonths() {
        // territory delay 24 months: flagged from a filing on or before 22/02/2025 (reached on 22/02/2027, 3 months ahead)
        assertEquals(LocalDate.of(2025, 2, 22), IndicateursDerives.depotLimite(AUJOURDHUI, 24));
        assertTrue(IndicateursDerives.delaiAnormalementLong(LocalDate.of(2024, 1, 1), AUJOURDHUI, 24), "reached long ago");
        assertTrue(IndicateursDerives.delaiAnormalementLong(LocalDate.of(2024, 11, 22), AUJOURDHUI, 24), "reached today");
        assertTrue(IndicateursDerives.delaiAnormalementLong(LocalDate.of(2025, 2, 22), AUJOURDHUI, 24), "reached in exactly 3 months");
        assertFalse(IndicateursDerives.delaiAnormalementLong(LocalDate.of(2025, 2, 23), AUJOURDHUI, 24), "3 months and a day");
        assertFalse(IndicateursDerives.delaiAnormalementLong(AUJOURDHUI, AUJOURDHUI, 24));
        assertEquals(LocalDate.of(2027, 2, 22), IndicateursDerives.delaiAtteintLe(LocalDate.of(2025, 2, 22), 24));
        // a delay of 3 months or less flags every application from its filing
        assertTrue(IndicateursDerives.delaiAnormalementLong(AUJOURDHUI, AUJOURDHUI, 3));
    }

    @Test
    void multipleConditionalAttributionsWithoutLease() {
        List<Evenement> e = new ArrayList<>();
        e.add(evt(CatalogueEvenements.ATTRIBUTION_RANG, "2026-03-01", false));
        assertFalse(IndicateursDerives.attributionsMultiples(e), "one is not several");
        e.add(evt(CatalogueEvenements.ATTRIBUTION_CONDITION_SUSPENSIVE, "2026-06-01", false));
        assertTrue(IndicateursDerives.attributionsMultiples(e), "DESCAL and ATTCSU both count");
        e.add(evt(CatalogueEvenements.ATTRIBUTION, "2026-07-01", false));
        assertEquals(2, IndicateursDerives.attributionsSousConditionSansBail(e), "a plain attribution is not under condition");
        e.add(evt(CatalogueEvenements.SIGNATURE_BAIL, "2026-06-01", false));
        assertEquals(0, IndicateursDerives.attributionsSousConditionSansBail(e), "a lease signed the same day follows both");
        e.add(evt(CatalogueEvenements.ATTRIBUTION_RANG, "2026-09-01", false));
        e.add(evt(CatalogueEvenements.ATTRIBUTION_RANG, "2026-10-01", false));
        assertTrue(IndicateursDerives.attributionsMultiples(e), "two more after the lease");
    }

    @Test
    void deletedEventsDoNotCount() {
        List<Evenement> e = List.of(evt(CatalogueEvenements.ATTRIBUTION_RANG, "2026-03-01", false),
                evt(CatalogueEvenements.ATTRIBUTION_RANG, "2026-04-01", true));
        assertFalse(IndicateursDerives.attributionsMultiples(e));
        List<Evenement> bailSupprime = List.of(evt(CatalogueEvenements.ATTRIBUTION_RANG, "2026-03-01", false),
                evt(CatalogueEvenements.ATTRIBUTION_RANG, "2026-04-01", false),
                evt(CatalogueEvenements.SIGNATURE_BAIL, "2026-05-01", true));
        assertTrue(IndicateursDerives.attributionsMultiples(bailSupprime), "a deleted lease signature does not end them");
    }
}

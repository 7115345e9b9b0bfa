package fr.sne.core.antifraude;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The territory's average per desk, the alert threshold (the configured factor) and the flags. */
class SurveillanceNomsTest {

    private static final SurveillanceNoms.Periode PERIODE = new SurveillanceNoms.Periode(LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 3, 31));

    /** ACTIS 9 (3 minor, 2 pending, 2 validated, 2 refused), Saint-Égrève 2, Pôle Habitat 1, an idle desk 0: 12 over 4 desks. */
    private static final List<ChangementNomRepository.Compte> COMPTES = List.of(
            new ChangementNomRepository.Compte("38002", "Commune de Saint-Égrève", true, 2, 0, 0, 0),
            new ChangementNomRepository.Compte("38001", "ACTIS", true, 3, 2, 2, 2),
            new ChangementNomRepository.Compte("38003", "Pôle Habitat Social", true, 1, 0, 0, 0),
            new ChangementNomRepository.Compte("38009", "Guichet sans changement", true, 0, 0, 0, 0));

    @Test
    void aDeskAboveTwiceTheAverageIsFlaggedByDefault() {
        SurveillanceNoms.Tableau t = SurveillanceNoms.calculer("038", PERIODE, COMPTES, 2);
        assertEquals(12, t.total());
        assertEquals(3.0, t.moyenne());
        assertEquals(6.0, t.seuil());
        // most changes first
        SurveillanceNoms.LigneGuichet actis = t.guichets().getFirst();
        assertEquals("38001", actis.code());
        assertEquals(9, actis.total());
        assertEquals(3.0, actis.rapport());
        assertTrue(actis.auDessus());
        assertEquals(1, t.guichets().stream().filter(SurveillanceNoms.LigneGuichet::auDessus).count());
        assertEquals("38009", t.guichets().getLast().code());
    }

    @Test
    void theFactorIsTheConfiguredOne() {
        // 9 is not above 3 × 3: nobody is flagged; at 1.5 × the average (4.5) still ACTIS only
        assertTrue(SurveillanceNoms.calculer("038", PERIODE, COMPTES, 3).guichets().stream().noneMatch(SurveillanceNoms.LigneGuichet::auDessus));
        assertEquals(List.of("38001"), SurveillanceNoms.calculer("038", PERIODE, COMPTES, 1.5).guichets().stream()
                .filter(SurveillanceNoms.LigneGuichet::auDessus).map(SurveillanceNoms.LigneGuichet::code).toList());
        // below 1: every desk above the average, never one with no change
        List<String> auDessus = SurveillanceNoms.calculer("038", PERIODE, COMPTES, 0.1).guichets().stream()
                .filter(SurveillanceNoms.LigneGuichet::auDessus).map(SurveillanceNoms.LigneGuichet::code).toList();
        assertEquals(List.of("38001", "38002", "38003"), auDessus);
    }

    @Test
    void noChangeAtAllFlagsNobody() {
        SurveillanceNoms.Tableau t = SurveillanceNoms.calculer("038", PERIODE, List.of(
                new ChangementNomRepository.Compte("38001", "ACTIS", true, 0, 0, 0, 0)), 2);
        assertEquals(0.0, t.moyenne());
        assertNull(t.guichets().getFirst().rapport());
        assertFalse(t.guichets().getFirst().auDessus());
    }
}

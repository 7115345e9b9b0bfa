package fr.sne.core.attestation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How attestations word dates, numbers and addresses, and how long the e-mail is retried. */
class FormatTest {

    @Test
    void datesNumbersAndAddressesAreWrittenTheFrenchWay() {
        assertEquals("1er janvier 2026", Format.date(LocalDate.of(2026, 1, 1)));
        assertEquals("3 novembre 2025", Format.date(LocalDate.of(2025, 11, 3)));
        assertEquals("038 1125 000123 38001", Format.numero("038112500012338001"));
        assertEquals("111 0318 016982 G1104", Format.numero("1110318016982G1104"));
        assertEquals("11\u00a0480", Format.nombre(11480));
        assertEquals("1 logement", Format.pluriel(1, "logement", "logements"));
        assertEquals("1\u00a0210 logements", Format.pluriel(1210, "logement", "logements"));
        assertEquals("1\u00a0850\u00a0€", Format.euros(1850));
        assertEquals("06 06 06 06 06", Format.telephone("0606060606"));
        assertEquals("04 76 00 00 01", Format.telephone("04.76.00.00.01"));
        assertEquals("+33 6 06 06 06 06", Format.telephone("+33 6 06 06 06 06"));
        assertEquals("38120 SAINT-EGREVE", Format.postal("38120 Saint-Égrève"));
        assertEquals("OEUILLY", Format.postal("Œuilly"));
    }

    @Test
    void aFailingEmailIsRetriedForAboutSevenHoursBeforeGoingByPost() {
        assertEquals(Duration.ofMinutes(5), EnvoiAttestations.delai(1));
        assertEquals(Duration.ofMinutes(20), EnvoiAttestations.delai(2));
        assertEquals(Duration.ofMinutes(80), EnvoiAttestations.delai(3));
        assertEquals(Duration.ofMinutes(320), EnvoiAttestations.delai(4));
        assertEquals(5, EnvoiAttestations.TENTATIVES_MAX);
    }
}

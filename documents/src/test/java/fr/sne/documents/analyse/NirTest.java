package fr.sne.documents.analyse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NIR structure and key, and finding NIRs in extracted text. */
class NirTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1 84 12 76 451 089 46", "184127645108946", "1.84.12.76.451.089.46", "1 84 12 76 451 089 46",
            "2 69 05 99 350 123 84",   // born abroad (99)
            "1 85 12 2A 004 012 85",   // Corsica: 2A counts as 19 in the key
            "1 85 12 2B 004 012 15",   // and 2B as 18
            "7 90 12 75 123 456 28",   // temporary number
            "1 55 50 75 123 456 32",   // INSEE pseudo-month 50
            "2 99 30 99 352 001 46"})  // pseudo-month 30
    void validNumbersAreRead(String ecrit) {
        assertTrue(Nir.lire(ecrit).isPresent(), ecrit);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1 84 12 76 451 089 47",   // wrong key
            "1 85 12 2A 004 012 15",   // 2B's key on a 2A number
            "1 84 13 76 451 089 62",   // month 13 (key right for the digits)
            "3 84 12 76 451 089 43",   // sex 3 (key right for the digits)
            "1 84 12 76 451 089",      // no key
            "1 84 12 76 451 089 4"})
    void invalidNumbersAreNot(String ecrit) {
        assertTrue(Nir.lire(ecrit).isEmpty(), ecrit);
    }

    @Test
    void numbersAreFoundInTextWithTheirPosition() {
        String texte = "Salarié : M. Dupont\nN° de sécurité sociale : 1 84 12 76 451 089 46 — Emploi : agent\n"
                + "Ancien numéro 184127645108947 (clé fausse), téléphone 01 84 12 76 45, IBAN FR76 3000 6000 0112 3456 7890 189\n"
                + "Conjoint : 2 69 05 99 350 123 84.";
        List<Nir.Occurrence> trouves = Nir.trouver(texte);
        assertEquals(2, trouves.size(), trouves::toString);
        assertEquals("1 84 12 76 451 089 46", texte.substring(trouves.get(0).debut(), trouves.get(0).fin()));
        assertEquals("184127645108946", trouves.get(0).nir().valeur());
        assertEquals("2 69 05 99 350 123 84", trouves.get(1).nir().formate());
    }

    @Test
    void digitsInsideLongerNumbersAreNotANir() {
        assertTrue(Nir.trouver("Référence 9184127645108946 et 1841276451089460").isEmpty());
    }

    @Test
    void aNirNeverPrintsItselfByAccident() {
        Nir nir = Nir.lire("184127645108946").orElseThrow();
        assertFalse(nir.toString().contains("451"));
        assertFalse(String.valueOf(List.of(nir)).contains("089"));
        assertThrows(IllegalArgumentException.class, () -> new Nir("184127645108947"));
        assertEquals("Titre : " + Nir.MASQUE, Nir.masquer("Titre : 1 84 12 76 451 089 46"));
    }
}

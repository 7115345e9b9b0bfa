package fr.sne.community.wiki;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffTest {

    @Test
    void identicalTextsHaveNoChange() {
        assertTrue(Diff.lignes("a\nb", "a\nb").identiques());
    }

    @Test
    void addedAndRemovedLinesAreCountedInPlace() {
        Diff.Resultat r = Diff.lignes("un\ndeux\ntrois\nquatre", "un\ntrois\nquatre\ncinq");
        assertEquals(1, r.ajouts());
        assertEquals(1, r.suppressions());
        assertEquals(List.of("IDENTIQUE un", "SUPPRESSION deux", "IDENTIQUE trois", "IDENTIQUE quatre", "AJOUT cinq"),
                r.lignes().stream().map(l -> l.nature() + " " + l.texte()).toList());
    }

    @Test
    void aReplacedLineIsDetailedWordByWord() {
        Diff.Resultat r = Diff.lignes("titre\nLe délai est de 30 jours.\nfin", "titre\nLe délai est de 60 jours.\nfin");
        Diff.Ligne avant = r.lignes().get(1);
        Diff.Ligne apres = r.lignes().get(2);
        assertEquals(Diff.Nature.SUPPRESSION, avant.nature());
        assertEquals(Diff.Nature.AJOUT, apres.nature());
        assertEquals(List.of("30"), avant.morceaux().stream().filter(m -> m.nature() == Diff.Nature.SUPPRESSION).map(Diff.Morceau::texte).toList());
        assertEquals(List.of("60"), apres.morceaux().stream().filter(m -> m.nature() == Diff.Nature.AJOUT).map(Diff.Morceau::texte).toList());
    }

    @Test
    void removalsComeBeforeAdditionsInABlock() {
        Diff.Resultat r = Diff.lignes("a\nx\ny\nb", "a\nz\nb");
        assertEquals(List.of("IDENTIQUE", "SUPPRESSION", "SUPPRESSION", "AJOUT", "IDENTIQUE"),
                r.lignes().stream().map(l -> l.nature().name()).toList());
    }

    @Test
    void emptyTexts() {
        assertEquals(2, Diff.lignes("", "a\nb").ajouts());
        assertEquals(2, Diff.lignes("a\nb", null).suppressions());
    }
}

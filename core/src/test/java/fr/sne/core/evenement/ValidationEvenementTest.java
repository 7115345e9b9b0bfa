package fr.sne.core.evenement;

import fr.sne.core.journal.CatalogueEvenements;
import fr.sne.tenants.web.Probleme;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The checks of an event a desk enters: each anomaly names its field, all at once. */
class ValidationEvenementTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 22);
    private static final LocalDate DEPOT = LocalDate.of(2025, 1, 10);
    private final ValidationEvenement validation = new ValidationEvenement(new CatalogueEvenements());

    private List<String> codes(SaisieEvenement s) {
        return assertThrows(SaisieInvalide.class, () -> validation.valider(s, DEPOT, AUJOURDHUI)).anomalies().stream()
                .map(a -> a.champ() + ":" + a.code()).toList();
    }

    @Test
    void aValidEntry() {
        ValidationEvenement.Valide v = validation.valider(new SaisieEvenement(" TENAD00022 ", "2026-11-22", "  Avis d’imposition 2025\n"),
                DEPOT, AUJOURDHUI);
        assertEquals("TENAD00022", v.type().code());
        assertEquals(AUJOURDHUI, v.dateSurvenance());
        assertEquals("Avis d’imposition 2025", v.commentaire());
        assertEquals(LocalDate.of(2026, 11, 2), validation.valider(new SaisieEvenement("VISPRO", "02/11/2026", ""), DEPOT, AUJOURDHUI)
                .dateSurvenance(), "a date typed as jj/mm/aaaa");
    }

    @Test
    void refusals() {
        assertEquals(List.of("type:OBLIGATOIRE", "dateSurvenance:OBLIGATOIRE"), codes(new SaisieEvenement(null, " ", null)));
        assertEquals(List.of("type:CODE_INCONNU"), codes(new SaisieEvenement("PIRATE", "2026-11-01", null)));
        assertEquals(List.of("type:TYPE_SYSTEME"), codes(new SaisieEvenement(CatalogueEvenements.CREATION, "2026-11-01", null)));
        assertEquals(List.of("dateSurvenance:DATE_FUTURE"), codes(new SaisieEvenement("VISPRO", "2026-11-23", null)));
        assertEquals(List.of("dateSurvenance:DATE_ANTERIEURE_DEPOT"), codes(new SaisieEvenement("VISPRO", "2025-01-09", null)));
        assertEquals(List.of("dateSurvenance:FORMAT"), codes(new SaisieEvenement("VISPRO", "2026-02-30", null)));
        assertEquals(List.of("dateSurvenance:FORMAT"), codes(new SaisieEvenement("VISPRO", "31/11/2026", null)));
        assertEquals(List.of("commentaire:LONGUEUR"), codes(new SaisieEvenement("VISPRO", "2026-11-01", "x".repeat(4001))));
        assertEquals(List.of("commentaire:OBLIGATOIRE"), codes(new SaisieEvenement("REFDEM", "2026-11-01", " ")));
    }

    @Test
    void controlCharactersAreDropped() {
        assertEquals("ab\ncd", validation.valider(new SaisieEvenement("NOTINT", "2026-11-01", "a\u0000b\ncd\u0007"), DEPOT, AUJOURDHUI)
                .commentaire());
        List<Probleme.Anomalie> a = assertThrows(SaisieInvalide.class,
                () -> validation.valider(new SaisieEvenement("NOTINT", "2026-11-01", "\u0000"), DEPOT, AUJOURDHUI)).anomalies();
        assertEquals("Écrivez la note dans le commentaire.", a.getFirst().message());
    }
}

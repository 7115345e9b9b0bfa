package fr.sne.core.priorite;

import fr.sne.core.evenement.SaisieInvalide;
import fr.sne.core.referentiel.ListesCodes;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The checks of shared priority data: DALO status and its dates, codes of the CERFA model's lists, AUCUN alone. */
class ValidationPrioriteTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 22);
    private final ValidationPriorite validation = new ValidationPriorite(new ListesCodes(JsonMapper.createDefault()));

    private static SaisiePriorite s(String statut, String decision, String fin, List<String> categories, List<String> labels,
                                    List<String> contingents) {
        return new SaisiePriorite(statut, decision, fin, categories, labels, contingents);
    }

    private List<String> codes(SaisiePriorite s) {
        return assertThrows(SaisieInvalide.class, () -> validation.valider(s, AUJOURDHUI)).anomalies().stream()
                .map(a -> a.champ() + ":" + a.code()).toList();
    }

    @Test
    void validData() {
        ValidationPriorite.Valide v = validation.valider(s("ACTIF", "2026-01-15", null, List.of("HAND", "VIOL"),
                List.of(" Accord collectif ", "", "PDALHPD"), List.of("PPRIOR", "COLTER")), AUJOURDHUI);
        assertEquals(LocalDate.of(2026, 1, 15), v.dateDecisionDalo());
        assertEquals(List.of("Accord collectif", "PDALHPD"), v.labels());
        assertEquals(List.of("PPRIOR", "COLTER"), v.contingents());
        assertEquals("ACTREL", validation.valider(s("ACTREL", "15/01/2026", "01/10/2026", null, null, List.of("AUCUN")), AUJOURDHUI)
                .statutDalo());
        assertEquals("NON", validation.valider(s("NON", null, null, null, null, null), AUJOURDHUI).statutDalo());
    }

    @Test
    void daloStatusAndItsDates() {
        assertEquals(List.of("statutDalo:OBLIGATOIRE"), codes(s(null, null, null, null, null, null)));
        assertEquals(List.of("statutDalo:CODE_INCONNU"), codes(s("OUI", null, null, null, null, null)));
        assertEquals(List.of("dateDecisionDalo:OBLIGATOIRE"), codes(s("ACTIF", "", null, null, null, null)));
        assertEquals(List.of("dateDecisionDalo:INATTENDU"), codes(s("NON", "2026-01-15", null, null, null, null)));
        assertEquals(List.of("dateFinDalo:OBLIGATOIRE"), codes(s("CADUC", "2026-01-15", null, null, null, null)));
        assertEquals(List.of("dateFinDalo:INATTENDU"), codes(s("ACTIF", "2026-01-15", "2026-02-01", null, null, null)));
        assertEquals(List.of("dateFinDalo:DATES_INCOHERENTES"), codes(s("CADUC", "2026-01-15", "2026-01-14", null, null, null)));
        assertEquals(List.of("dateDecisionDalo:DATE_FUTURE"), codes(s("ACTIF", "2026-11-23", null, null, null, null)));
        assertEquals(List.of("dateDecisionDalo:FORMAT"), codes(s("ACTIF", "2026-13-01", null, null, null, null)));
    }

    @Test
    void listsAndLabels() {
        assertEquals(List.of("categories[1]:CODE_INCONNU", "categories[2]:EN_DOUBLE"),
                codes(s("NON", null, null, List.of("HAND", "XX", "HAND"), null, null)));
        assertEquals(List.of("contingents:AUCUN_EXCLUSIF"), codes(s("NON", null, null, null, null, List.of("AUCUN", "COLTER"))));
        assertEquals(List.of("contingents[0]:CODE_INCONNU"), codes(s("NON", null, null, null, null, List.of("ACTION"))));
        assertEquals(List.of("labelsLocaux[1]:EN_DOUBLE"), codes(s("NON", null, null, null, List.of("Label", "LABEL"), null)));
        assertEquals(List.of("labelsLocaux[0]:LONGUEUR"), codes(s("NON", null, null, null, List.of("x".repeat(101)), null)));
        assertEquals(List.of("labelsLocaux:TROP_NOMBREUX"), codes(s("NON", null, null, null,
                java.util.stream.IntStream.range(0, 11).mapToObj(i -> "L" + i).toList(), null)));
    }
}

package fr.sne.core.cycle;

import fr.sne.tenants.web.Probleme;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a desk's radiation must say, field by field. */
class ValidationRadiationTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 5, 12);

    private static List<String> champs(DemandeRadiation d) {
        return ValidationRadiation.anomalies(d, AUJOURDHUI).stream().map(Probleme.Anomalie::champ).toList();
    }

    private static DemandeRadiation.Attribution attribution(String rpls, DemandeRadiation.Logement logement, String contingent) {
        return new DemandeRadiation.Attribution(AUJOURDHUI.minusDays(3), rpls, logement, contingent, "Action Logement Services",
                AUJOURDHUI.minusDays(20));
    }

    @Test
    void aMotifIsRequiredAndRadrenIsTheSystems() {
        assertEquals(List.of("motif"), champs(new DemandeRadiation(null, null, null, null, null)));
        assertEquals(List.of("motif"), champs(new DemandeRadiation("RADXXX", null, null, null, null)));
        List<Probleme.Anomalie> radren = ValidationRadiation.anomalies(new DemandeRadiation("RADREN", null, null, null, null), AUJOURDHUI);
        assertEquals("MOTIF_SYSTEME", radren.getFirst().code());
        assertTrue(radren.getFirst().message().contains("réservé au système"));
    }

    @Test
    void anAttributionNamesTheLeaseTheDwellingAndTheContingent() {
        assertEquals(List.of(), champs(new DemandeRadiation("RADATT", null, null, null, attribution("0123456789", null, "COLACT"))));
        assertEquals(List.of(), champs(new DemandeRadiation("RADATT", null, null, null, attribution(null,
                new DemandeRadiation.Logement("4 rue des Lilas, 38000 Grenoble", "T3", new BigDecimal("64.5"), new BigDecimal("512.40")),
                "AUCUN"))));
        assertEquals(List.of("attribution"), champs(new DemandeRadiation("RADATT", null, null, null, null)));
        assertEquals(List.of("attribution.rpls"), champs(new DemandeRadiation("RADATT", null, null, null, attribution("012345678", null, "COLACT"))));
        assertEquals(List.of("attribution.rpls"), champs(new DemandeRadiation("RADATT", null, null, null, attribution(null, null, "COLACT"))));
        assertEquals(List.of("attribution.logement.type", "attribution.logement.surface", "attribution.logement.loyer"),
                champs(new DemandeRadiation("RADATT", null, null, null, attribution(null,
                        new DemandeRadiation.Logement("4 rue des Lilas", null, null, null), "COLACT"))));
        assertEquals(List.of("attribution.contingent"), champs(new DemandeRadiation("RADATT", null, null, null, attribution("0123456789", null, "XYZ"))));
        DemandeRadiation futur = new DemandeRadiation("RADATT", null, null, null, new DemandeRadiation.Attribution(AUJOURDHUI.plusDays(1),
                "0123456789", null, "PPRIOR", null, AUJOURDHUI.plusDays(2)));
        assertEquals(List.of("attribution.dateSignatureBail", "attribution.dateCommission"), champs(futur));
        // lower case is accepted and stored upper case
        assertEquals("AB12345678", ValidationRadiation.rpls(" ab12345678 "));
    }

    @Test
    void eachMotifTakesOnlyWhatItNeeds() {
        assertEquals(List.of(), champs(new DemandeRadiation("RADABA", null, null, null, null)), "the contract's {\"motif\": \"RADABA\"}");
        assertEquals(List.of("dateRenonciation"), champs(new DemandeRadiation("RADABA", null, AUJOURDHUI.plusDays(1), null, null)));
        assertEquals(List.of(), champs(new DemandeRadiation("RADABA", null, AUJOURDHUI, "Courrier reçu au guichet", null)));
        assertEquals(List.of("sousMotif"), champs(new DemandeRadiation("RADIRR", null, null, null, null)));
        assertEquals(List.of("sousMotif"), champs(new DemandeRadiation("RADIRR", "IRRXXX", null, null, null)));
        assertEquals(List.of(), champs(new DemandeRadiation("RADIRR", "IRRSEJ", null, null, null)));
        assertEquals(List.of("sousMotif", "dateRenonciation", "attribution"), champs(new DemandeRadiation("RADCON", "IRRRES",
                AUJOURDHUI, null, attribution("0123456789", null, "COLACT"))));
        assertEquals(List.of("commentaire"), champs(new DemandeRadiation("RADCON", null, null, "x".repeat(1001), null)));
    }
}
